package dev.troubleticket.kosc;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingProvider;

/**
 * The {@code kosc} adapter for {@link dev.troubleticket.core.TicketingClients}. Settings (see the
 * module README): {@code baseUrl} (required); either {@code token} (with {@code tokenScheme}, default
 * {@code Bearer}) or {@code username} (the account e-mail) and {@code password}, with {@code authVersion}
 * {@code v2} (default) or {@code v1} and, for v2, {@code refreshPath}; optionally
 * {@code safeCreateLookupPages}, {@code eventPageSizeParameter} and {@code ticketScanPagesPerPoll}.
 */
public final class KoscProvider implements TicketingProvider {
    private static final java.util.Set<String> SETTING_KEYS = java.util.Set.of("baseUrl", "token", "tokenScheme", "username",
            "password", "authVersion", "refreshPath", "safeCreateLookupPages", "eventPageSizeParameter", "ticketScanPagesPerPoll",
            ProviderSettings.MAX_RESPONSE_BYTES);

    @Override
    public String id() {
        return KoscClient.PROVIDER;
    }

    @Override
    public java.util.Set<String> settingKeys() {
        return SETTING_KEYS;
    }

    @Override
    public TicketingClient create(ProviderSettings settings) {
        KoscClient.Builder builder = KoscClient.builder()
                .baseUrl(settings.require("baseUrl"))
                .transportOptions(settings.transport());
        if (settings.get("token").isPresent()) {
            builder.staticToken(settings.get("tokenScheme").orElse("Bearer"), settings.require("token"));
        } else {
            String user = settings.get("username").orElseThrow(() ->
                    new IllegalArgumentException("setting 'token', or 'username' and 'password', is required for kosc"));
            String password = settings.require("password");
            if (settings.oneOf("authVersion", "v1", "v2").orElse("v2").equals("v1")) {
                builder.v1Login(user, password);
            } else {
                builder.v2Login(user, password);
            }
            settings.get("refreshPath").ifPresent(builder::refreshPath);
        }
        settings.integer("safeCreateLookupPages").ifPresent(builder::safeCreateLookupPages);
        settings.get("eventPageSizeParameter").ifPresent(builder::eventPageSizeParameter);
        settings.integer("ticketScanPagesPerPoll").ifPresent(builder::ticketScanPagesPerPoll);
        return builder.build();
    }
}
