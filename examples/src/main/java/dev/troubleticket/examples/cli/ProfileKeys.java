package dev.troubleticket.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys a config profile may hold: one per global option, named as the option without its dashes, and
 * {@code setting.NAME} for an adapter setting. Secrets among them may only be named ({@code KEY-env}, {@code KEY-file}).
 */
final class ProfileKeys {
    /** The prefix of an adapter setting's key: {@code setting.authVersion = v1} is {@code --setting authVersion=v1}. */
    static final String SETTING = "setting.";

    /** A key with the option and environment variable that give the same value. */
    record Key(String name, String option, String env, boolean secret) {
    }

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        add("provider", false);
        add("base-url", false);
        add("username", false);
        add("password", true);
        add("token", true);
        add("service-account", false);
        add("token-url", false);
        add("client-id", false);
        add("client-secret", true);
        add("timeout", false);
        KEYS.put("allow-insecure-http", new Key("allow-insecure-http", "--allow-insecure-http", null, false));
    }

    /** Words that end a setting's name when it holds a secret ({@code listenerSecret}, {@code apiKey}; not {@code tokenScheme}). */
    private static final String[] SECRET_ENDINGS = {"password", "secret", "token", "key", "credential", "credentials",
            "assertion", "passphrase"};

    /** Words that mask a setting wherever they stand in its name, as the SDK's own redaction does. */
    private static final String[] MASKED_WORDS = {"authorization", "token", "secret", "password", "cookie", "key", "assertion",
            "credential", "passphrase"};

    private ProfileKeys() {
    }

    private static void add(String name, boolean secret) {
        KEYS.put(name, new Key(name, "--" + name, "TICKETCTL_" + name.toUpperCase(Locale.ROOT).replace('-', '_'), secret));
    }

    /** The key named so, or {@code null} for a setting or an unknown name. */
    static Key of(String name) {
        return KEYS.get(name);
    }

    /** Every key name, {@code setting.NAME} last, for messages. */
    static List<String> names() {
        List<String> names = new ArrayList<>(KEYS.keySet());
        names.add(SETTING + "NAME");
        return names;
    }

    /** Whether the key ({@code password}, {@code setting.listenerSecret}) holds a secret. */
    static boolean isSecret(String key) {
        if (key.startsWith(SETTING)) {
            return isSecretSetting(key.substring(SETTING.length()));
        }
        Key known = KEYS.get(key);
        return known != null && known.secret();
    }

    /** Whether an adapter setting holds a secret, judged by the last word of its name. */
    static boolean isSecretSetting(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ending : SECRET_ENDINGS) {
            if (lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code config show} masks the key's value: a secret, or a setting whose name merely holds a secret's
     * word ({@code tokenScheme}), since showing too little is the safer mistake.
     */
    static boolean isMasked(String key) {
        if (isSecret(key)) {
            return true;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(SETTING)) {
            return false;
        }
        for (String word : MASKED_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The stronger ways to give a key, for messages: {@code --password or TICKETCTL_PASSWORD}. */
    static String alternatives(String key) {
        if (key.startsWith(SETTING)) {
            return "--setting " + key.substring(SETTING.length()) + "=...";
        }
        Key known = KEYS.get(key);
        return known.env() == null ? known.option() : known.option() + " or " + known.env();
    }
}
