package dev.troubleticket.nexera.listener;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * An unguessable token carried in the path of the callback URL registered at the provider, for providers
 * that send no credentials with their notifications (TMF621 hubs carry none). 256 random bits from
 * {@link SecureRandom}, base64url without padding (43 characters). A request is accepted only when one of
 * its path segments is the token; segments are compared in constant time ({@link MessageDigest#isEqual}
 * on SHA-256 digests, every segment compared). The token is never printed: {@link #toString()} masks it.
 */
public final class CallbackToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The shortest token accepted from a caller: 128 bits as base64url. */
    private static final int MIN_LENGTH = 22;

    private final String value;
    private final byte[] digest;

    private CallbackToken(String value) {
        this.value = value;
        this.digest = digest(value);
    }

    /** A fresh random token. */
    public static CallbackToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new CallbackToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * A token you chose (for a receiver mounted in your own server, whose URL you register yourself): at least
     * 22 characters of the base64url alphabet (128 bits).
     */
    public static CallbackToken of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() < MIN_LENGTH || !value.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a callback token needs at least " + MIN_LENGTH
                    + " characters of A-Z, a-z, 0-9, '-' and '_' (128 random bits)");
        }
        return new CallbackToken(value);
    }

    /** The token itself, to build the URL with. Keep it out of logs. */
    public String value() {
        return value;
    }

    /** {@code baseUrl} with the token as one more path segment ({@code http://host:8099/listener/<token>}). */
    public String appendTo(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        int query = indexOfQuery(baseUrl);
        String base = baseUrl.substring(0, query);
        String rest = baseUrl.substring(query);
        return (base.endsWith("/") ? base : base + "/") + value + rest;
    }

    /** Whether one of the segments of {@code path} is this token. */
    public boolean isIn(String path) {
        if (path == null) {
            return false;
        }
        boolean found = false;
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start) {
                // No early exit: every segment is compared, so timing does not tell where or how near a guess was.
                found |= MessageDigest.isEqual(digest, digest(path.substring(start, end)));
            }
            start = end + 1;
        }
        return found;
    }

    /** {@code url} with this token replaced by {@code ****}, for a log line. */
    public String maskIn(String url) {
        return url == null ? null : url.replace(value, "****");
    }

    private static int indexOfQuery(String url) {
        int q = url.indexOf('?');
        int f = url.indexOf('#');
        int end = url.length();
        if (q >= 0) {
            end = q;
        }
        if (f >= 0 && f < end) {
            end = f;
        }
        return end;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "CallbackToken[****]";
    }
}
