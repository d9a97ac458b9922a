package dev.troubleticket.core.error;

/**
 * What a provider said about a failed call, kept whole so that the caller can always see the
 * provider's own words.
 *
 * @param provider        the provider id, or {@code null} if unknown
 * @param httpStatus      the HTTP status, {@code 0} when there was no answer
 * @param providerCode    the provider's own error code (for example a TMF {@code code}), or {@code null}
 * @param providerMessage the provider's own message, or {@code null}
 * @param requestId       the provider's request id (for example Kosc's {@code apirequest_uuid}), or {@code null}
 * @param rawBody         the answer's body exactly as received, never {@code null}
 * @param attempts        how many attempts were made
 */
public record ErrorDetails(
        String provider,
        int httpStatus,
        String providerCode,
        String providerMessage,
        String requestId,
        String rawBody,
        int attempts) {

    /** A {@code null} raw body is kept as empty text. */
    public ErrorDetails {
        rawBody = rawBody == null ? "" : rawBody;
    }

    /** Details for a failure that happened before or without any answer. */
    public static ErrorDetails none(String provider) {
        return new ErrorDetails(provider, 0, null, null, null, "", 0);
    }

    /** A copy with the number of attempts set. */
    public ErrorDetails withAttempts(int count) {
        return new ErrorDetails(provider, httpStatus, providerCode, providerMessage, requestId, rawBody, count);
    }

    @Override
    public String toString() {
        // The raw body is left out: it can be large and may hold personal data.
        return "ErrorDetails[provider=" + provider + ", httpStatus=" + httpStatus + ", providerCode=" + providerCode
                + ", requestId=" + requestId + ", attempts=" + attempts + ", rawBodyLength=" + rawBody.length() + "]";
    }
}
