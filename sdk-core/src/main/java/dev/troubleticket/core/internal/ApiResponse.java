package dev.troubleticket.core.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A provider's answer, fully read.
 *
 * @param status   the HTTP status
 * @param headers  the headers, names in lower case
 * @param body     the body as text (UTF-8 unless the answer says otherwise), never {@code null}
 * @param attempts how many attempts it took
 * @param utf8Body the body's bytes when they are UTF-8 (JSON's own encoding), else {@code null}: JSON is
 *                 read faster from bytes than from text. Shared, not copied: never modify it.
 */
public record ApiResponse(int status, Map<String, List<String>> headers, String body, int attempts, byte[] utf8Body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** An answer known only as text. */
    public ApiResponse(int status, Map<String, List<String>> headers, String body, int attempts) {
        this(status, headers, body, attempts, null);
    }

    /** The first value of a header, by case-insensitive name, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        // Bodies hold personal data: their length only.
        return "ApiResponse[status=" + status + ", attempts=" + attempts + ", bodyLength=" + body.length() + "]";
    }
}
