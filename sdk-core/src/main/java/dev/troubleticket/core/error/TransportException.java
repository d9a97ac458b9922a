package dev.troubleticket.core.error;

/**
 * No usable answer came back: the connection failed, timed out, or was reset, or the answer could not
 * be read at all. Retries (where the request allows them) were already made.
 *
 * <p>{@link #reachedProvider()} is {@code false} only when no attempt got as far as a connection to the
 * provider (connection refused, unknown host, no route, a TLS certificate or host name refused by this
 * client); once a connection was made the request may have been read and acted on, so any later failure
 * (reset, timeout, a connection closed without an answer) says {@code true}. {@link #isRetryable()} is
 * {@code false} for failures that no retry can heal, such as a certificate this client does not trust.
 */
public class TransportException extends TicketingException {
    private static final long serialVersionUID = 1L;

    /** Whether any attempt got as far as a connection to the provider. */
    private final boolean reachedProvider;
    /** Whether a later try may succeed. */
    private final boolean retryable;

    /** A failure that may have reached the provider and that a later try may not meet again. */
    public TransportException(String message, ErrorDetails details, Throwable cause) {
        this(message, details, cause, true, true);
    }

    /**
     * @param reachedProvider whether the request may have reached the provider ({@code true} unless it
     *                        certainly did not)
     * @param retryable       whether trying again later may succeed
     */
    public TransportException(String message, ErrorDetails details, Throwable cause, boolean reachedProvider, boolean retryable) {
        super(message, details, cause);
        this.reachedProvider = reachedProvider;
        this.retryable = retryable;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }

    /** Whether the request may have reached the provider: {@code false} only when it certainly did not. */
    @Override
    public boolean reachedProvider() {
        return reachedProvider;
    }
}
