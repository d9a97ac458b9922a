package dev.troubleticket.examples.cli;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.http.TransportOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which provider to talk to and how to authenticate: the command line's global options. Each one may
 * also come from an environment variable, so that secrets need not be typed on a command line, or from a profile of
 * the {@link ConfigFile}. The same options may stand before or after the subcommand; a value after it wins, then the
 * environment, then the profile.
 */
public final class ConnectionOptions {

    @Option(names = "--provider", description = "kosc, masstack or nexera (env TICKETCTL_PROVIDER)")
    String provider;

    @Option(names = "--base-url", description = "the provider's API base URL (env TICKETCTL_BASE_URL)")
    String baseUrl;

    @Option(names = "--token", description = "a bearer token already obtained (env TICKETCTL_TOKEN)")
    String token;

    @Option(names = "--username", description = "login or basic-auth user (env TICKETCTL_USERNAME)")
    String username;

    @Option(names = "--password", description = "login or basic-auth password (env TICKETCTL_PASSWORD)")
    String password;

    @Option(names = "--service-account", description = "MasStack service-account JSON file (env TICKETCTL_SERVICE_ACCOUNT)")
    String serviceAccount;

    @Option(names = "--token-url", description = "OAuth2 token endpoint (env TICKETCTL_TOKEN_URL)")
    String tokenUrl;

    @Option(names = "--client-id", description = "client id for a client-credentials token (env TICKETCTL_CLIENT_ID)")
    String clientId;

    @Option(names = "--client-secret", description = "client secret for a client-credentials token (env TICKETCTL_CLIENT_SECRET)")
    String clientSecret;

    @Option(names = "--setting", description = "an adapter setting KEY=VALUE (repeatable), see the adapter's README")
    Map<String, String> extra = new LinkedHashMap<>();

    @Option(names = "--allow-insecure-http", description = "allow plain http to hosts other than loopback")
    boolean allowInsecureHttp;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "give up a command's call to the provider after this many seconds, retries included "
                    + "(env TICKETCTL_TIMEOUT; default 180)")
    String timeout;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the config file with the profiles (env " + ConfigFile.FILE_ENV + "; default "
                    + "$XDG_CONFIG_HOME/ticketctl/config, else ~/.config/ticketctl/config)")
    String config;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "the config file's profile to use (env " + ConfigFile.PROFILE_ENV + "; default: its default-profile); "
                    + "flags and TICKETCTL_* variables override its values")
    String profile;

    @Option(names = "--verbose", description = "print each request to the provider (method, URL, status, time) on stderr")
    boolean verbose;

    @Option(names = "--debug", description = "as --verbose, and print the stack trace of an unexpected failure")
    boolean debug;

    /** Where each value of merged options came from (a flag, a variable, a profile's line), by profile key, for {@code config show}. */
    final Map<String, String> origins = new LinkedHashMap<>();

    /** The profile the merged options read, or {@code null}. */
    Profile chosenProfile;

    /** The config file the merged options read (perhaps none). */
    ConfigFile configFile;

    /**
     * The value given after the subcommand wins over the one before it, which wins over the environment, which wins
     * over the chosen profile of the config file.
     */
    ConnectionOptions over(ConnectionOptions outer, Map<String, String> env) {
        ConnectionOptions merged = new ConnectionOptions();
        merged.config = pick(config, outer.config, null);
        merged.profile = pick(profile, outer.profile, env.get(ConfigFile.PROFILE_ENV));
        merged.configFile = ConfigFile.locate(merged.config, env);
        Profile chosen = merged.configFile.profile(merged.profile);
        merged.chosenProfile = chosen;
        Picker picker = new Picker(env, chosen, merged.origins);
        merged.provider = picker.pick("provider", provider, outer.provider);
        merged.baseUrl = picker.pick("base-url", baseUrl, outer.baseUrl);
        merged.token = picker.pick("token", token, outer.token);
        merged.username = picker.pick("username", username, outer.username);
        merged.password = picker.pick("password", password, outer.password);
        merged.serviceAccount = picker.pick("service-account", serviceAccount, outer.serviceAccount);
        merged.tokenUrl = picker.pick("token-url", tokenUrl, outer.tokenUrl);
        merged.clientId = picker.pick("client-id", clientId, outer.clientId);
        merged.clientSecret = picker.pick("client-secret", clientSecret, outer.clientSecret);
        if (chosen != null) {
            for (String name : chosen.settingNames()) {
                // A secret a flag replaces is not looked for.
                if (!extra.containsKey(name) && !outer.extra.containsKey(name)) {
                    String key = ProfileKeys.SETTING + name;
                    merged.extra.put(name, chosen.value(key, env));
                    merged.origins.put(key, chosen.origin(key));
                }
            }
        }
        merged.extra.putAll(outer.extra);
        merged.extra.putAll(extra);
        for (String name : extra.keySet()) {
            merged.origins.put(ProfileKeys.SETTING + name, "--setting");
        }
        for (String name : outer.extra.keySet()) {
            merged.origins.putIfAbsent(ProfileKeys.SETTING + name, "--setting");
        }
        merged.allowInsecureHttp = allowInsecureHttp || outer.allowInsecureHttp || chosen != null && chosen.allowsInsecureHttp();
        if (allowInsecureHttp || outer.allowInsecureHttp) {
            merged.origins.put("allow-insecure-http", "--allow-insecure-http");
        } else if (merged.allowInsecureHttp) {
            merged.origins.put("allow-insecure-http", chosen.origin("allow-insecure-http"));
        }
        merged.timeout = picker.pick("timeout", timeout, outer.timeout);
        merged.verbose = verbose || outer.verbose;
        merged.debug = debug || outer.debug;
        return merged;
    }

    private static String pick(String inner, String outer, String env) {
        return inner != null ? inner : outer != null ? outer : env;
    }

    /** Picks a flag, else its variable, else the profile's value (a secret read only then), noting where it came from. */
    private record Picker(Map<String, String> env, Profile profile, Map<String, String> origins) {
        String pick(String key, String inner, String outer) {
            ProfileKeys.Key known = ProfileKeys.of(key);
            if (inner != null || outer != null) {
                origins.put(key, known.option());
                return inner != null ? inner : outer;
            }
            String fromEnv = env.get(known.env());
            if (fromEnv != null) {
                origins.put(key, "env " + known.env());
                return fromEnv;
            }
            if (profile != null && profile.has(key)) {
                origins.put(key, profile.origin(key));
                return profile.value(key, env);
            }
            return null;
        }
    }

    /** The settings for the adapter; with --verbose or --debug, each request is printed on {@code err}. */
    ProviderSettings settings(PrintWriter err) {
        Map<String, String> values = new LinkedHashMap<>(extra);
        values.put("baseUrl", baseUrl);
        values.put("token", token);
        values.put("username", username);
        values.put("password", password);
        values.put("serviceAccountFile", serviceAccount);
        values.put("tokenUrl", tokenUrl);
        values.put("clientId", clientId);
        values.put("clientSecret", clientSecret);
        TransportOptions.Builder transport = TransportOptions.builder().allowInsecureHttp(allowInsecureHttp);
        Duration limit = timeout();
        if (limit != null) {
            TransportOptions defaults = TransportOptions.defaults();
            // The per-attempt limits may not outlast the whole call.
            transport.callTimeout(limit)
                    .attemptTimeout(min(defaults.attemptTimeout(), limit))
                    .readTimeout(min(defaults.readTimeout(), limit))
                    .connectTimeout(min(defaults.connectTimeout(), limit));
        }
        if (verbose || debug) {
            transport.listener(new RequestLog(err, baseUrl));
        }
        return ProviderSettings.of(values, transport.build());
    }

    /** {@code --timeout}: whole seconds or a decimal ({@code 2.5}), with or without an {@code s}; {@code null} when not given. */
    Duration timeout() {
        if (timeout == null) {
            return null;
        }
        Duration limit = seconds(timeout);
        if (limit == null) {
            String from = origins.getOrDefault("timeout", "--timeout");
            throw new UsageException((from.startsWith("env ") ? from.substring(4) : "--timeout")
                    + " wants a number of seconds greater than 0 (30, 2.5), not '" + timeout + "'");
        }
        return limit;
    }

    /** Whole seconds or a decimal ({@code 2.5}), with or without an {@code s}; {@code null} when the text is neither or not above 0. */
    static Duration seconds(String value) {
        String text = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (text.endsWith("s")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        try {
            long millis = new java.math.BigDecimal(text).movePointRight(3).longValueExact();
            return millis > 0 ? Duration.ofMillis(millis) : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds the client; a missing provider or setting is a usage error. */
    TicketingClient connect(PrintWriter err) {
        if (provider == null || provider.isBlank()) {
            throw new UsageException("no provider given: use --provider kosc|masstack|nexera, set TICKETCTL_PROVIDER, or choose "
                    + "a config profile with --profile NAME");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new UsageException("no base URL given: use --base-url, set TICKETCTL_BASE_URL, or write base-url in the profile");
        }
        if (serviceAccount != null && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(serviceAccount))) {
            throw new UsageException("no such file: " + serviceAccount + " (--service-account or TICKETCTL_SERVICE_ACCOUNT)");
        }
        UnknownSettings.warn(provider, extra.keySet(), err);
        try {
            return TicketingClients.create(provider, settings(err));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
