package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingProvider;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.nexera.listener.CallerCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tmf621} adapter: any TMF621 v4 server, generic profile. Settings (the same for {@link NexeraProvider}):
 * {@code baseUrl} (required), {@code basePath}, {@code safeCreateLookupPages}, {@code hubListing};
 * authentication by {@code username} + {@code password}, or {@code clientId} + {@code clientSecret} +
 * {@code tokenUrl}, or {@code token}; {@code allowInsecureHttp}; for the receiver of {@code subscribe}: {@code listenerSecret}
 * (several separated by commas, for rotation) with {@code listenerSecretHeader} (default
 * {@value #DEFAULT_SECRET_HEADER}), and/or {@code listenerUsername} + {@code listenerPassword}.
 */
public final class Tmf621Provider implements TicketingProvider {
    /** The header carrying the callback secret unless {@code listenerSecretHeader} says otherwise. */
    static final String DEFAULT_SECRET_HEADER = "X-Callback-Secret";

    /** What {@link #configure} reads. */
    static final java.util.Set<String> SETTING_KEYS = java.util.Set.of("baseUrl", "basePath", "safeCreateLookupPages",
            "hubListing", "allowInsecureHttp", "username", "password", "clientId", "clientSecret", "tokenUrl", "token",
            "listenerSecret", "listenerSecretHeader", "listenerUsername", "listenerPassword", ProviderSettings.MAX_RESPONSE_BYTES);

    @Override
    public String id() {
        return "tmf621";
    }

    @Override
    public java.util.Set<String> settingKeys() {
        return SETTING_KEYS;
    }

    @Override
    public TicketingClient create(ProviderSettings settings) {
        return configure(Tmf621Client.builder(), settings).build();
    }

    /** Reads {@code settings} into {@code builder}: the generic one here, Nexera's in {@link NexeraProvider}. */
    static Tmf621Client.Builder configure(Tmf621Client.Builder builder, ProviderSettings settings) {
        builder.baseUrl(settings.require("baseUrl"));
        settings.get("basePath").ifPresent(builder::basePath);
        settings.integer("safeCreateLookupPages").ifPresent(builder::safeCreateLookupPages);
        settings.flag("hubListing").ifPresent(builder::hubListing);
        TransportOptions transport = settings.transport();
        if (settings.flag("allowInsecureHttp").orElse(false)) {
            transport = transport.toBuilder().allowInsecureHttp(true).build();
        }
        builder.transportOptions(transport);
        if (settings.get("username").isPresent() || settings.get("password").isPresent()) {
            builder.basicAuth(settings.require("username"), settings.require("password"));
        } else if (settings.get("clientId").isPresent() || settings.get("tokenUrl").isPresent()) {
            builder.clientCredentials(settings.require("tokenUrl"), settings.require("clientId"), settings.require("clientSecret"));
        } else if (settings.get("token").isPresent()) {
            builder.token(settings.require("token"));
        } else {
            throw new IllegalArgumentException("settings need username+password, clientId+clientSecret+tokenUrl, or token");
        }
        List<CallerCheck> checks = new ArrayList<>();
        settings.get("listenerSecret").ifPresent(secrets -> checks.add(CallerCheck.sharedSecret(
                settings.get("listenerSecretHeader").orElse(DEFAULT_SECRET_HEADER), secrets.split(","))));
        if (settings.get("listenerUsername").isPresent()) {
            checks.add(CallerCheck.basic(settings.require("listenerUsername"), settings.require("listenerPassword").split(",")));
        }
        if (!checks.isEmpty()) {
            builder.callerCheck(checks.size() == 1 ? checks.get(0) : CallerCheck.anyOf(checks.toArray(CallerCheck[]::new)));
        }
        return builder;
    }
}
