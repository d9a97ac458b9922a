package dev.troubleticket.core.internal;

import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.ResponseTooLargeException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns an OkHttp answer into an {@link ApiResponse}: the body read whole up to the response size limit
 * ({@link BoundedBody}), kept as bytes when it is UTF-8 and decoded otherwise (charset from a byte order mark,
 * else from {@code Content-Type}, as OkHttp's {@code string()} does), and the header names in lower case.
 */
final class ResponseBodies {
    private ResponseBodies() {
    }

    /**
     * Reads {@code response}, the answer to attempt number {@code attempt}.
     *
     * @throws BoundedBody.OverLimit when the body is declared or turns out longer than {@code maxBytes}; the caller
     *                               should cancel the call rather than close the body (see {@link BoundedBody})
     */
    static ApiResponse read(Response response, int attempt, long maxBytes) throws IOException, BoundedBody.OverLimit {
        MediaType type = response.body().contentType();
        byte[] bytes = BoundedBody.read(response, maxBytes);
        boolean utf8 = isUtf8(bytes, type);
        if (utf8 && !startsWithUtf8Bom(bytes)) {
            // Plain UTF-8, nearly every answer: the readers parse the bytes, and the text is decoded only if asked.
            return ApiResponse.ofUtf8(response.code(), lowerCaseHeaders(response), bytes, attempt);
        }
        // The text exactly as OkHttp's string() decodes it (charset from a byte order mark, else the header).
        String text = ResponseBody.create(bytes, type).string();
        return new ApiResponse(response.code(), lowerCaseHeaders(response), text, attempt, utf8 ? bytes : null);
    }

    /**
     * The failure for a body over the limit, keeping its first bytes as the raw body.
     *
     * @param call what was called, such as {@code kosc GET /api/tickets/}, for the message
     */
    static ResponseTooLargeException tooLarge(String provider, String call, BoundedBody.OverLimit over, int attempt,
                                              long maxBytes) {
        String what = over.declaredLength >= 0
                ? "its Content-Length is " + over.declaredLength + " bytes; nothing was read"
                : "it declared no length and reading stopped after " + over.bytesRead + " bytes";
        Charset charset = over.type == null ? StandardCharsets.UTF_8 : over.type.charset(StandardCharsets.UTF_8);
        String prefix = new String(over.prefix, charset);
        return new ResponseTooLargeException(call + " answered HTTP " + over.status
                + " with a body over the response size limit of " + maxBytes + " bytes (" + what
                + "); raise TransportOptions.maxResponseBytes (settings key maxResponseBytes) if such answers are expected",
                new ErrorDetails(provider, over.status, null, null, null, prefix, attempt), maxBytes, over.declaredLength,
                over.bytesRead);
    }

    private static boolean startsWithUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    /** Whether the body's bytes are UTF-8: the header says so or says nothing, and no UTF-16 or UTF-32 byte order mark says otherwise. */
    static boolean isUtf8(byte[] bytes, MediaType type) {
        Charset declared = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        if (!StandardCharsets.UTF_8.equals(declared)) {
            return false;
        }
        boolean utf16Bom = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        boolean utf32BigEndianBom = bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == (byte) 0xFE
                && bytes[3] == (byte) 0xFF;
        return !utf16Bom && !utf32BigEndianBom;
    }

    private static Map<String, List<String>> lowerCaseHeaders(Response response) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : response.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
        }
        return headers;
    }
}
