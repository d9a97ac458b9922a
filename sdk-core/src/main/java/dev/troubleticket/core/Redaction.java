package dev.troubleticket.core;

import java.util.Locale;

/** Decides what must never be printed: header and setting names that carry secrets. */
final class Redaction {
    private static final String[] SECRET_WORDS = {"authorization", "token", "secret", "password", "cookie", "key", "assertion", "credential"};

    private Redaction() {
    }

    /** Whether a header, setting or field with this name holds a secret. */
    static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The value, or {@code ****} when the name says it is a secret. */
    static String safeValue(String name, String value) {
        return isSecretName(name) ? "****" : value;
    }
}
