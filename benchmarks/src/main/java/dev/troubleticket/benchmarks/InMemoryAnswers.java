package dev.troubleticket.benchmarks;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * An OkHttp interceptor that answers every request from a {@link LoopbackServer.Responder} without any
 * socket, so that a parsing benchmark runs the SDK's whole read path (transport, typed model, neutral
 * mapping) with no network time to hide its cost in.
 */
public final class InMemoryAnswers implements Interceptor {
    private static final MediaType JSON = MediaType.get("application/json");
    private final LoopbackServer.Responder responder;

    /** Answers from {@code responder}. */
    public InMemoryAnswers(LoopbackServer.Responder responder) {
        this.responder = responder;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        var request = chain.request();
        byte[] body = new byte[0];
        if (request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            body = buffer.readByteArray();
        }
        LoopbackServer.Answer answer = responder.answer(request.method(), request.url().encodedPath(), request.url().encodedQuery(), body);
        Response.Builder response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1)
                .code(answer.status()).message("canned").body(ResponseBody.create(answer.body(), JSON));
        answer.headers().forEach(response::header);
        return response.build();
    }
}
