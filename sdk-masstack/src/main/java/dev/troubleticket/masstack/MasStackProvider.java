package dev.troubleticket.masstack;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingProvider;
import dev.troubleticket.masstack.model.IssueType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Registers the MasStack adapter under the id {@code masstack}, building the client from settings:
 * {@code baseUrl} (or {@code environment} = {@code production}/{@code staging}), then either
 * {@code serviceAccountFile} with {@code tokenUrl}, or {@code token}; and optionally
 * {@code clearencePerson}, {@code issueType}, {@code defaultPriority}, {@code closeOutType},
 * {@code closeOutNarr}, {@code followCreatedTickets}. See the module README.
 */
public final class MasStackProvider implements TicketingProvider {

    @Override
    public String id() {
        return "masstack";
    }

    @Override
    public TicketingClient create(ProviderSettings settings) {
        MasStackClient.Builder builder = MasStackClient.builder().transportOptions(settings.transport());
        String environment = settings.get("environment").orElse(null);
        if (settings.get("baseUrl").isPresent()) {
            builder.baseUrl(settings.require("baseUrl"));
        } else if (environment != null) {
            switch (environment.toLowerCase(Locale.ROOT)) {
                case "production" -> builder.baseUrl(MasStackClient.PRODUCTION_URL);
                case "staging" -> builder.baseUrl(MasStackClient.STAGING_URL);
                default -> throw new IllegalArgumentException("setting 'environment' must be production or staging, not '"
                        + environment + "'");
            }
        }
        settings.get("serviceAccountFile").ifPresent(file -> builder.serviceAccount(Path.of(file)));
        settings.get("tokenUrl").ifPresent(builder::tokenUrl);
        settings.get("token").ifPresent(builder::staticToken);
        settings.get("clearencePerson").ifPresent(builder::defaultClearencePerson);
        settings.get("issueType").ifPresent(value -> builder.defaultIssueType(IssueType.of(value)));
        settings.get("closeOutType").ifPresent(builder::defaultCloseOutType);
        settings.get("closeOutNarr").ifPresent(builder::defaultCloseOutNarr);
        settings.get("defaultPriority").ifPresent(value -> {
            try {
                builder.defaultPriority(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting 'defaultPriority' must be 1, 2 or 3, not '" + value + "'");
            }
        });
        settings.get("followCreatedTickets").ifPresent(value -> builder.followCreatedTickets(Boolean.parseBoolean(value.trim())));
        return builder.build();
    }
}
