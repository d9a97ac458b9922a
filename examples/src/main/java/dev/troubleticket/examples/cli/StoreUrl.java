package dev.troubleticket.examples.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code --store jdbc:postgresql://...} value: the URL given to the driver without its {@code user} and
 * {@code password} parameters, the credentials (from the URL, else from {@code TICKETCTL_STORE_USER} /
 * {@code TICKETCTL_STORE_PASSWORD}), and the URL as it may be shown, with any password masked.
 */
final class StoreUrl {
    /** The environment variable of the store's user name. */
    static final String USER_ENV = "TICKETCTL_STORE_USER";
    /** The environment variable of the store's password. */
    static final String PASSWORD_ENV = "TICKETCTL_STORE_PASSWORD";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&\\s]*");

    private final String url;
    private final String user;
    private final String password;
    private final String shown;

    private StoreUrl(String url, String user, String password, String shown) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.shown = shown;
    }

    /** Whether {@code --store} names a database rather than a file. */
    static boolean isJdbc(String store) {
        return store != null && store.startsWith("jdbc:");
    }

    /** Reads {@code store}; the URL's own parameters win over the environment. */
    static StoreUrl parse(String store, Map<String, String> env) {
        String shown = mask(store);
        if (!store.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--store " + shown + ": only PostgreSQL is supported (jdbc:postgresql://host:port/database)");
        }
        int query = store.indexOf('?');
        String base = query < 0 ? store : store.substring(0, query);
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        if (query >= 0) {
            for (String parameter : store.substring(query + 1).split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int eq = parameter.indexOf('=');
                String name = eq < 0 ? parameter : parameter.substring(0, eq);
                String value = eq < 0 ? "" : decode(parameter.substring(eq + 1));
                if (name.equals("user")) {
                    user = value;
                } else if (name.equals("password")) {
                    password = value;
                } else {
                    kept.add(parameter);
                }
            }
        }
        if (user == null) {
            user = env.get(USER_ENV);
        }
        if (password == null) {
            password = env.get(PASSWORD_ENV);
        }
        String url = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
        return new StoreUrl(url, user, password, shown);
    }

    /** {@code text} with the value of every {@code password=} parameter replaced by {@code ****}. */
    static String mask(String text) {
        return text == null ? null : PASSWORD_PARAMETER.matcher(text).replaceAll("$1****");
    }

    /** The URL for the driver: no credentials in it. */
    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** {@code text} with this store's password masked wherever it appears (a driver's message, say). */
    String scrub(String text) {
        String masked = mask(text);
        return password == null || password.isEmpty() || masked == null ? masked : masked.replace(password, "****");
    }

    /** The URL as the user gave it, password masked. */
    @Override
    public String toString() {
        return shown;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
