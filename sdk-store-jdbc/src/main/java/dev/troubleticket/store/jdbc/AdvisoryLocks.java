package dev.troubleticket.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit keys of the store's PostgreSQL advisory locks: the first 8 bytes of a SHA-256 of what is locked, so
 * that every instance, whatever its JVM, computes the same key, and locks of other applications are unlikely to meet it.
 */
final class AdvisoryLocks {
    private AdvisoryLocks() {
    }

    static long key(String purpose, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("troubleticket-store:" + purpose + ":" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
