package dev.troubleticket.examples.cli;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.http.TransportOptions;
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
        return merged;
    }

    private static String pick(String inner, String outer, String env) {
        return inner != null ? inner : outer != null ? outer : env;
    }

    /** The settings for the adapter. */
    ProviderSettings settings() {
        Map<String, String> values = new LinkedHashMap<>(extra);
        values.put("baseUrl", baseUrl);
        values.put("token", token);
        values.put("username", username);
        values.put("password", password);
        values.put("serviceAccountFile", serviceAccount);
        values.put("tokenUrl", tokenUrl);
        values.put("clientId", clientId);
        values.put("clientSecret", clientSecret);
        return ProviderSettings.of(values, TransportOptions.builder().allowInsecureHttp(allowInsecureHttp).build());
    }

    /** Builds the client; a missing provider or setting is a usage error. */
    TicketingClient connect() {
        if (provider == null || provider.isBlank()) {
            throw new UsageException("no provider given: use --provider kosc|masstack|nexera or set TICKETCTL_PROVIDER");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new UsageException("no base URL given: use --base-url or set TICKETCTL_BASE_URL");
        }
        try {
            return TicketingClients.create(provider, settings());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
