package dev.troubleticket.testkit.masstack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.ByteString;

/** Just enough of a multipart/form-data reader for the simulator's create endpoint. */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** One part: its form name, file name (or {@code null}), content type (or {@code null}) and bytes. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {
    }

    private Multipart() {
    }

    /** The parts of a body; throws {@link IllegalArgumentException} when it is not multipart. */
    static List<Part> parse(String contentType, ByteString body) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("multipart body without a boundary");
        }
        ByteString delimiter = ByteString.encodeUtf8("--" + m.group(1));
        List<Part> parts = new ArrayList<>();
        long start = body.indexOf(delimiter, 0);
        if (start < 0) {
            throw new IllegalArgumentException("multipart body without its boundary");
        }
        while (true) {
            long afterDelimiter = start + delimiter.size();
            if (body.rangeEquals((int) afterDelimiter, ByteString.encodeUtf8("--"), 0, 2)) {
                return parts; // closing delimiter
            }
            int headersStart = (int) afterDelimiter + 2; // CRLF
            int headersEnd = body.indexOf(ByteString.encodeUtf8("\r\n\r\n"), headersStart);
            int next = body.indexOf(ByteString.encodeUtf8("\r\n--" + m.group(1)), headersEnd);
            if (headersEnd < 0 || next < 0) {
                throw new IllegalArgumentException("truncated multipart body");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : body.substring(headersStart, headersEnd).string(StandardCharsets.UTF_8).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            String disposition = headers.getOrDefault("content-disposition", "");
            Matcher name = NAME.matcher(disposition);
            Matcher file = FILENAME.matcher(disposition);
            parts.add(new Part(name.find() ? name.group(1) : null, file.find() ? file.group(1) : null,
                    headers.get("content-type"), body.substring(headersEnd + 4, next).toByteArray()));
            start = next + 2;
        }
    }
}
