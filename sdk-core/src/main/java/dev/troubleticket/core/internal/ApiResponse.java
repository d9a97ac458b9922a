package dev.troubleticket.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A provider's answer, fully read: its status, headers (names in lower case), body and the number of
 * attempts it took. The body is never longer than the client's response size limit
 * ({@code TransportOptions.maxResponseBytes}): the transport stops reading there, so a page parsed from
 * it, raw JSON slices included, is bounded by that limit too.
 *
 * <p>A UTF-8 body (nearly every answer) is kept as its bytes, which the JSON readers parse directly, and
 * decoded to text only when something asks for {@link #body()} (an error message, a raw payload that is
 * not sliced from it): decoding a 100-ticket page that the readers never look at as text cost as much as
 * a tenth of reading it.
 */
public final class ApiResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final int attempts;
    private final byte[] utf8Body;
    // Decoded on first use; a benign race (two threads may both decode the same immutable text).
    private String body;

    /**
     * @param status   the HTTP status
     * @param headers  the headers, names in lower case
     * @param body     the body as text (UTF-8 unless the answer says otherwise); {@code null} reads as empty
     * @param attempts how many attempts it took
     * @param utf8Body the body's bytes when they are UTF-8 (JSON's own encoding), else {@code null}: JSON is
     *                 read faster from bytes than from text. Shared, not copied: never modify it.
     */
    public ApiResponse(int status, Map<String, List<String>> headers, String body, int attempts, byte[] utf8Body) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body == null ? "" : body;
        this.attempts = attempts;
        this.utf8Body = utf8Body;
    }

    /** An answer known only as text. */
    public ApiResponse(int status, Map<String, List<String>> headers, String body, int attempts) {
        this(status, headers, body, attempts, null);
    }

    private ApiResponse(int status, Map<String, List<String>> headers, byte[] utf8Body, int attempts) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.attempts = attempts;
        this.utf8Body = utf8Body;
    }

    /**
     * An answer whose body is the UTF-8 {@code bytes} (without a byte order mark), decoded to text only
     * when {@link #body()} is asked for. The bytes are shared, not copied: never modify them.
     */
    public static ApiResponse ofUtf8(int status, Map<String, List<String>> headers, byte[] bytes, int attempts) {
        return new ApiResponse(status, headers, bytes, attempts);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body as text, never {@code null}. */
    public String body() {
        String text = body;
        if (text == null) {
            text = new String(utf8Body, StandardCharsets.UTF_8);
            body = text;
        }
        return text;
    }

    /** How many attempts it took. */
    public int attempts() {
        return attempts;
    }

    /** The body's bytes when they are UTF-8, else {@code null}. Shared: never modify them. */
    public byte[] utf8Body() {
        return utf8Body;
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
        // Bodies hold personal data: their size only (in bytes when still undecoded).
        String size = body != null ? "bodyLength=" + body.length() : "bodyBytes=" + utf8Body.length;
        return "ApiResponse[status=" + status + ", attempts=" + attempts + ", " + size + "]";
    }
}
