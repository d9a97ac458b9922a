package dev.troubleticket.core.error;

import java.util.OptionalLong;

/**
 * The provider's answer was larger than the client's response size limit
 * ({@code TransportOptions.maxResponseBytes}, settings key {@code maxResponseBytes}; 32 MiB by default).
 * Reading stopped there: a body declared larger was not read at all, an undeclared one was read up to the
 * limit and dropped. {@link #httpStatus()} is the answer's status and {@link #rawBody()} the first bytes
 * read (at most {@value #RAW_BODY_PREFIX_BYTES}), so that an error page or a proxy's answer can still be
 * recognised.
 *
 * <p>Never retried and not {@linkplain #isRetryable() retryable}: the same request gets the same answer. A
 * page that honestly needs more asks for a smaller page size or a higher limit.
 */
public class ResponseTooLargeException extends ProviderException {
    private static final long serialVersionUID = 1L;
    /** The most of the body that {@link #rawBody()} keeps, in bytes. */
    public static final int RAW_BODY_PREFIX_BYTES = 8 * 1024;

    /** The limit that was passed, in bytes. */
    private final long limit;
    /** The length the answer declared, or {@code -1} when it declared none. */
    private final long declaredLength;
    /** How many bytes of the body were read before it was refused. */
    private final long bytesRead;

    /**
     * @param declaredLength the answer's {@code Content-Length}, or {@code -1} when it declared none
     * @param bytesRead      how many bytes of the body were read before stopping
     */
    public ResponseTooLargeException(String message, ErrorDetails details, long limit, long declaredLength, long bytesRead) {
        super(message, details);
        this.limit = limit;
        this.declaredLength = declaredLength;
        this.bytesRead = bytesRead;
    }

    /** The limit that was exceeded, in bytes. */
    public long limit() {
        return limit;
    }

    /** The body's declared length ({@code Content-Length}), if the answer declared one. */
    public OptionalLong declaredLength() {
        return declaredLength < 0 ? OptionalLong.empty() : OptionalLong.of(declaredLength);
    }

    /** How many bytes of the body were read before reading stopped (0 when the declared length was refused). */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
