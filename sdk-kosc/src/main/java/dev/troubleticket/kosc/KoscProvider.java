package dev.troubleticket.kosc;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingProvider;
import java.util.Locale;

/**
 * The {@code kosc} adapter for {@link dev.troubleticket.core.TicketingClients}. Settings (see the
 * module README): {@code baseUrl} (required); either {@code token} (with {@code tokenScheme}, default
 * {@code Bearer}) or {@code username} (the account e-mail) and {@code password}, with {@code authVersion}
 * {@code v2} (default) or {@code v1} and, for v2, {@code refreshPath}; optionally
 * {@code safeCreateLookupPages}, {@code eventPageSizeParameter} and {@code ticketScanPagesPerPoll}.
 */
public final class KoscProvider implements TicketingProvider {

    @Override
    public String id() {
        return KoscClient.PROVIDER;
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
            String version = settings.get("authVersion").orElse("v2").trim().toLowerCase(Locale.ROOT);
            switch (version) {
                case "v1" -> builder.v1Login(user, password);
                case "v2" -> builder.v2Login(user, password);
                default -> throw new IllegalArgumentException("setting 'authVersion' must be v1 or v2, not '" + version + "'");
            }
            settings.get("refreshPath").ifPresent(builder::refreshPath);
        }
        settings.get("safeCreateLookupPages").ifPresent(v -> builder.safeCreateLookupPages(parse("safeCreateLookupPages", v)));
        settings.get("eventPageSizeParameter").ifPresent(builder::eventPageSizeParameter);
        settings.get("ticketScanPagesPerPoll").ifPresent(v -> builder.ticketScanPagesPerPoll(parse("ticketScanPagesPerPoll", v)));
        return builder.build();
    }

    private static int parse(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be a whole number, not '" + value + "'");
        }
    }
}
