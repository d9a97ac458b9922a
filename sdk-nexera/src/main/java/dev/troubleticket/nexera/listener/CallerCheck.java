package dev.troubleticket.nexera.listener;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a notification comes from the provider: HTTP basic credentials, or a shared secret in
 * a header (for a provider that sends neither, see {@link CallbackToken}). Several secrets (or passwords) may be accepted at once so that they can be rotated without
 * losing events. Secrets are compared in constant time ({@link MessageDigest#isEqual} on SHA-256 digests,
 * so that neither content nor length leaks through timing), and never printed.
 */
@FunctionalInterface
public interface CallerCheck {

    /** Whether the request with these headers (names in any case) comes from the provider. */
    boolean accepts(Map<String, List<String>> headers);

    /** Basic credentials: the user name and any one of the passwords. */
    static CallerCheck basic(String username, String... passwords) {
        Objects.requireNonNull(username, "username");
        if (passwords.length == 0) {
            throw new IllegalArgumentException("at least one password is needed");
        }
        List<byte[]> expected = new ArrayList<>();
        for (String password : passwords) {
            expected.add(digest("Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + Objects.requireNonNull(password, "password")).getBytes(StandardCharsets.UTF_8))));
        }
        return new CallerCheck() {
            @Override
            public boolean accepts(Map<String, List<String>> headers) {
                return matchesAny(header(headers, "Authorization"), expected);
            }

            @Override
            public String toString() {
                return "CallerCheck.basic[username=" + username + ", passwords=****]";
            }
        };
    }

    /** A shared secret in the named header (for example {@code X-Callback-Secret}), any one of the given secrets. */
    static CallerCheck sharedSecret(String headerName, String... secrets) {
        Objects.requireNonNull(headerName, "headerName");
        if (secrets.length == 0) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        List<byte[]> expected = new ArrayList<>();
        for (String secret : secrets) {
            if (Objects.requireNonNull(secret, "secret").isEmpty()) {
                throw new IllegalArgumentException("a secret must not be empty");
            }
            expected.add(digest(secret));
        }
        return new CallerCheck() {
            @Override
            public boolean accepts(Map<String, List<String>> headers) {
                return matchesAny(header(headers, headerName), expected);
            }

            @Override
            public String toString() {
                return "CallerCheck.sharedSecret[header=" + headerName + ", secrets=****]";
            }
        };
    }

    /** Accepts when any of the checks does (basic credentials or a shared secret). */
    static CallerCheck anyOf(CallerCheck... checks) {
        List<CallerCheck> all = List.of(checks);
        return headers -> all.stream().anyMatch(c -> c.accepts(headers));
    }

    /**
     * Accepts everyone: for a receiver whose own proxy authenticates the provider, or that a network boundary
     * already protects. With it, {@code Tmf621Client.subscribe} registers the callback URL as given, without a
     * {@link CallbackToken}.
     */
    static CallerCheck acceptAll() {
        return new CallerCheck() {
            @Override
            public boolean accepts(Map<String, List<String>> headers) {
                return true;
            }

            @Override
            public String toString() {
                return "CallerCheck.acceptAll";
            }
        };
    }

    private static boolean matchesAny(String presented, List<byte[]> expected) {
        if (presented == null) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] candidate : expected) {
            // No early exit: every candidate is compared, so timing does not tell which one matched.
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The first value of a header, by case-insensitive name. */
    static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
