package dev.troubleticket.core.internal;

import dev.troubleticket.core.error.ResponseTooLargeException;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads an answer's body whole, but never more than a limit: a body declared larger is refused before any
 * of it is read, and an undeclared one is read until it ends or passes the limit, whichever comes first.
 * So a huge or endless body holds at most the limit (plus one read's worth) in memory, however long the
 * server goes on.
 */
final class BoundedBody {
    private BoundedBody() {
    }

    /**
     * The body's bytes.
     *
     * @throws OverLimit when the body is declared or turns out longer than {@code limit} bytes
     */
    static byte[] read(Response response, long limit) throws IOException, OverLimit {
        long declared = response.body().contentLength();
        if (declared > limit) {
            throw new OverLimit(response.code(), response.body().contentType(), declared, 0, new byte[0]);
        }
        BufferedSource source = response.body().source();
        // Reads until the body ends (false) or one byte more than the limit is held (true); nothing is kept past that.
        if (source.request(limit + 1)) {
            Buffer held = source.getBuffer();
            long read = held.size();
            byte[] prefix = held.readByteArray(Math.min(read, ResponseTooLargeException.RAW_BODY_PREFIX_BYTES));
            held.clear();
            throw new OverLimit(response.code(), response.body().contentType(), declared, read, prefix);
        }
        return source.getBuffer().readByteArray();
    }

    /** A body over the limit: what was learnt of it before reading stopped. */
    static final class OverLimit extends Exception {
        private static final long serialVersionUID = 1L;

        final int status;
        final transient MediaType type;
        final long declaredLength;
        final long bytesRead;
        final byte[] prefix;

        OverLimit(int status, MediaType type, long declaredLength, long bytesRead, byte[] prefix) {
            super(null, null, false, false);
            this.status = status;
            this.type = type;
            this.declaredLength = declaredLength;
            this.bytesRead = bytesRead;
            this.prefix = prefix;
        }
    }
}
