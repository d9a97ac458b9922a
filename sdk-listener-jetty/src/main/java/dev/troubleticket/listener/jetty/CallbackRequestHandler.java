package dev.troubleticket.listener.jetty;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's side of a {@link CallbackHandler}: reads the body without blocking (a chunk at a time, waiting for
 * more through {@link Request#demand}, so that a slow body holds no thread), no further than the handler's
 * {@link CallbackHandler#maxBodyBytes()} (a declared length over it is refused before reading; a chunked
 * body is counted as it arrives), then hands method, path, headers and body to the handler and writes its
 * answer.
 */
final class CallbackRequestHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackRequestHandler.class);

    private final CallbackHandler handler;
    private final String path;
    private final RequestDeadlines deadlines;

    CallbackRequestHandler(CallbackHandler handler, String path, RequestDeadlines deadlines) {
        this.handler = handler;
        this.path = path;
        this.deadlines = deadlines;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        deadlines.requestStarted(connection);
        String requestPath = request.getHttpURI().getPath();
        if (!isUnder(requestPath)) {
            answer(connection, response, callback, new CallbackResponse(404, ""), true);
            return true;
        }
        long declared = request.getLength();
        if (declared > handler.maxBodyBytes()) {
            answer(connection, response, callback, handler.bodyTooLarge(request.getMethod(), requestPath), true);
            return true;
        }
        new BodyReader(request, response, callback, connection, requestPath, declared).run();
        return true;
    }

    private boolean isUnder(String requestPath) {
        if (path.equals("/")) {
            return true;
        }
        return requestPath != null && requestPath.startsWith(path)
                && (requestPath.length() == path.length() || requestPath.charAt(path.length()) == '/');
    }

    private void answer(Connection connection, Response response, Callback callback, CallbackResponse answer, boolean close) {
        deadlines.requestFinished(connection);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (answer.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"callbacks\"");
        }
        if (close) {
            // The rest of a refused body is not read: the connection cannot carry another request.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static Map<String, List<String>> headersOf(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>(1)).add(field.getValue());
        }
        return headers;
    }

    /** Reads one request's body chunk by chunk, resuming when Jetty says more has arrived. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Connection connection;
        private final String requestPath;
        private byte[] body;
        private int size;

        BodyReader(Request request, Response response, Callback callback, Connection connection, String requestPath, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.connection = connection;
            this.requestPath = requestPath;
            this.body = new byte[(int) Math.max(0, Math.min(declared >= 0 ? declared : 8192, handler.maxBodyBytes()))];
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // The peer went away or the connection timed out: nobody is left to answer.
                    callback.failed(chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int length = bytes.remaining();
                if (length > handler.maxBodyBytes() - size) {
                    chunk.release();
                    answer(connection, response, callback, handler.bodyTooLarge(request.getMethod(), requestPath), true);
                    return;
                }
                append(bytes, length);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    complete();
                    return;
                }
            }
        }

        private void append(ByteBuffer bytes, int length) {
            if (size + length > body.length) {
                int grown = (int) Math.min(handler.maxBodyBytes(), Math.max((long) body.length * 2, size + length));
                body = Arrays.copyOf(body, grown);
            }
            bytes.get(body, size, length);
            size += length;
        }

        private void complete() {
            byte[] whole = size == body.length ? body : Arrays.copyOf(body, size);
            CallbackResponse answer;
            try {
                answer = handler.handle(request.getMethod(), requestPath, headersOf(request), whole);
            } catch (RuntimeException e) {
                LOG.warn("the callback handler failed: {}", e.getClass().getName());
                answer = new CallbackResponse(500, "internal error");
            }
            answer(connection, response, callback, answer, false);
        }
    }
}
