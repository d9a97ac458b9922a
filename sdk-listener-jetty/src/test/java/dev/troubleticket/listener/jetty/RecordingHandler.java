package dev.troubleticket.listener.jetty;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler that keeps what it was given and answers 204, or 413 for a body over its cap. */
final class RecordingHandler implements CallbackHandler {
    /** One request as the handler saw it. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> oversized = new CopyOnWriteArrayList<>();
    private final int maxBodyBytes;

    RecordingHandler(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public CallbackResponse handle(String method, String path, Map<String, List<String>> headers, byte[] body) {
        received.add(new Received(method, path, headers, body));
        return new CallbackResponse(204, "");
    }

    @Override
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public CallbackResponse bodyTooLarge(String method, String path) {
        oversized.add(path);
        return new CallbackResponse(413, "the body exceeds " + maxBodyBytes + " bytes");
    }
}
