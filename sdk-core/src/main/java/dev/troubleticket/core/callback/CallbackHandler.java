package dev.troubleticket.core.callback;

import java.util.List;
import java.util.Map;

/**
 * Handles one callback request, framework-neutrally, so that a servlet, a Spring controller or an embedded
 * {@link CallbackServer} can call it. Implementations are thread-safe and answer quickly: the work an event
 * triggers belongs on another thread.
 */
public interface CallbackHandler {

    /**
     * Handles one request whose body has been read whole.
     *
     * @param method  the HTTP method
     * @param path    the request path as received (without the query), for example {@code /listener/4kY...}
     * @param headers the request headers (names in any case)
     * @param body    the raw body, or {@code null} when there is none
     * @return what to answer
     */
    CallbackResponse handle(String method, String path, Map<String, List<String>> headers, byte[] body);

    /** The largest body accepted, in bytes: a server reads no further than this. */
    int maxBodyBytes();

    /**
     * The answer for a request whose body is longer than {@link #maxBodyBytes()}, given without reading it
     * whole: normally 413, but a handler that does not serve {@code path} answers as it would for any request
     * there.
     */
    CallbackResponse bodyTooLarge(String method, String path);
}
