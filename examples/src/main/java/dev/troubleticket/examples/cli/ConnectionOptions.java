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
 * also come from an environment variable, so that secrets need not be typed on a command line.
 * The same options may stand before or after the subcommand; a value after it wins.
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

    @Option(names = "--verbose", description = "print each request to the provider (method, URL, status, time) on stderr")
    boolean verbose;

    @Option(names = "--debug", description = "as --verbose, and print the stack trace of an unexpected failure")
    boolean debug;

    /** The value given after the subcommand wins over the one before it, which wins over the environment. */
    ConnectionOptions over(ConnectionOptions outer, Map<String, String> env) {
        ConnectionOptions merged = new ConnectionOptions();
        merged.provider = pick(provider, outer.provider, env.get("TICKETCTL_PROVIDER"));
        merged.baseUrl = pick(baseUrl, outer.baseUrl, env.get("TICKETCTL_BASE_URL"));
        merged.token = pick(token, outer.token, env.get("TICKETCTL_TOKEN"));
        merged.username = pick(username, outer.username, env.get("TICKETCTL_USERNAME"));
        merged.password = pick(password, outer.password, env.get("TICKETCTL_PASSWORD"));
        merged.serviceAccount = pick(serviceAccount, outer.serviceAccount, env.get("TICKETCTL_SERVICE_ACCOUNT"));
        merged.tokenUrl = pick(tokenUrl, outer.tokenUrl, env.get("TICKETCTL_TOKEN_URL"));
        merged.clientId = pick(clientId, outer.clientId, env.get("TICKETCTL_CLIENT_ID"));
        merged.clientSecret = pick(clientSecret, outer.clientSecret, env.get("TICKETCTL_CLIENT_SECRET"));
        merged.extra.putAll(outer.extra);
        merged.extra.putAll(extra);
        merged.allowInsecureHttp = allowInsecureHttp || outer.allowInsecureHttp;
        merged.timeout = pick(timeout, outer.timeout, env.get("TICKETCTL_TIMEOUT"));
        merged.verbose = verbose || outer.verbose;
        merged.debug = debug || outer.debug;
        return merged;
    }

    private static String pick(String inner, String outer, String env) {
        return inner != null ? inner : outer != null ? outer : env;
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
        String text = timeout.trim().toLowerCase(java.util.Locale.ROOT);
        if (text.endsWith("s")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        try {
            long millis = new java.math.BigDecimal(text).movePointRight(3).longValueExact();
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new UsageException("--timeout wants a number of seconds greater than 0 (30, 2.5), not '" + timeout + "'");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds the client; a missing provider or setting is a usage error. */
    TicketingClient connect(PrintWriter err) {
        if (provider == null || provider.isBlank()) {
            throw new UsageException("no provider given: use --provider kosc|masstack|nexera or set TICKETCTL_PROVIDER");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new UsageException("no base URL given: use --base-url or set TICKETCTL_BASE_URL");
        }
        if (serviceAccount != null && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(serviceAccount))) {
            throw new UsageException("no such file: " + serviceAccount + " (--service-account or TICKETCTL_SERVICE_ACCOUNT)");
        }
        try {
            return TicketingClients.create(provider, settings(err));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
