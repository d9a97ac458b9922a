package dev.troubleticket.testkit.faults;

/**
 * A way a provider or the network between can fail. Each says whether the simulator has processed the
 * request when the fault strikes: after such a fault the client cannot know whether its request took effect.
 */
public enum Fault {
    /** HTTP 500 before processing. */
    HTTP_500(false),
    /** HTTP 502 before processing. */
    HTTP_502(false),
    /** HTTP 503 with {@code Retry-After: 1} before processing. */
    HTTP_503(false),
    /** HTTP 429 with {@code Retry-After: 1} before processing. */
    RATE_LIMITED(false),
    /** An HTML error page from a proxy (HTTP 502, text/html), before processing. */
    HTML_ERROR_PAGE(false),
    /** The connection is reset before the simulator processes the request (nothing took effect). */
    RESET_BEFORE_REQUEST(false),
    /** The request is processed, then the connection is reset before the answer. */
    RESET_AFTER_PROCESSING(true),
    /** The request is processed, the answer's body stalls for longer than any sensible read timeout. */
    STALLED_BODY(true),
    /** The request is processed, the answer trickles in slowly but completely. */
    THROTTLED_BODY(true),
    /** The request is processed, the connection drops in the middle of the answer's body. */
    TRUNCATED_BODY(true),
    /** The request is processed, the answer is 200 with a body that is not valid JSON. */
    MALFORMED_JSON(true),
    /** A token endpoint answers slowly (but answers). */
    SLOW_TOKEN(true);

    private final boolean processed;

    Fault(boolean processed) {
        this.processed = processed;
    }

    /** Whether the simulator processed the request before the fault struck. */
    public boolean afterProcessing() {
        return processed;
    }
}
