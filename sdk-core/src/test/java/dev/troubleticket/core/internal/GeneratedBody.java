package dev.troubleticket.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A response body made while it is sent, never held whole: a JSON-looking pattern repeated up to a length
 * (or for ever), with a {@code Content-Length} or chunked. For answers larger than any test could buffer.
 */
final class GeneratedBody implements MockResponseBody {
    /** The pattern, repeated: what a client keeps of the body starts with it. */
    static final String PATTERN = "{\"id\":\"1\",\"description\":\"generated while it is sent\"},";
    static final long ENDLESS = Long.MAX_VALUE;

    private final long length;
    private final boolean chunked;

    private GeneratedBody(long length, boolean chunked) {
        this.length = length;
        this.chunked = chunked;
    }

    /** An answer that declares {@code length} bytes and sends them. */
    static MockResponse.Builder declared(int status, long length) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(new GeneratedBody(length, false));
    }

    /** A chunked answer of {@code length} bytes ({@link #ENDLESS} for one that never ends). */
    static MockResponse.Builder chunked(int status, long length) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(new GeneratedBody(length, true)).removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked");
    }

    @Override
    public long getContentLength() {
        return chunked ? -1 : length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        byte[] block = PATTERN.repeat(8192 / PATTERN.length()).getBytes(StandardCharsets.UTF_8);
        long left = length;
        while (left > 0) {
            int size = (int) Math.min(block.length, left);
            if (chunked) {
                sink.writeUtf8(Integer.toHexString(size)).writeUtf8("\r\n").write(block, 0, size).writeUtf8("\r\n");
            } else {
                sink.write(block, 0, size);
            }
            if (length != ENDLESS) {
                left -= size;
            }
        }
        if (chunked) {
            sink.writeUtf8("0\r\n\r\n");
        }
        sink.flush();
    }
}
