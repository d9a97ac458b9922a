package dev.troubleticket.masstack;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingProvider;
import dev.troubleticket.masstack.model.IssueType;
import java.nio.file.Path;

/**
 * Registers the MasStack adapter under the id {@code masstack}, building the client from settings:
 * {@code baseUrl} (or {@code environment} = {@code production}/{@code staging}), then either
 * {@code serviceAccountFile} with {@code tokenUrl}, or {@code token}; and optionally
 * {@code clearencePerson}, {@code issueType}, {@code defaultPriority}, {@code closeOutType},
 * {@code closeOutNarr}, {@code followCreatedTickets}. See the module README.
 */
public final class MasStackProvider implements TicketingProvider {
    private static final java.util.Set<String> SETTING_KEYS = java.util.Set.of("baseUrl", "environment", "serviceAccountFile",
            "tokenUrl", "token", "clearencePerson", "issueType", "closeOutType", "closeOutNarr", "defaultPriority",
            "followCreatedTickets", ProviderSettings.MAX_RESPONSE_BYTES);

    @Override
    public String id() {
        return "masstack";
    }

    @Override
    public java.util.Set<String> settingKeys() {
        return SETTING_KEYS;
    }

    @Override
    public TicketingClient create(ProviderSettings settings) {
        MasStackClient.Builder builder = MasStackClient.builder().transportOptions(settings.transport());
        String environment = settings.oneOf("environment", "production", "staging").orElse(null);
        if (settings.get("baseUrl").isPresent()) {
            builder.baseUrl(settings.require("baseUrl"));
        } else if (environment != null) {
            builder.baseUrl(environment.equals("production") ? MasStackClient.PRODUCTION_URL : MasStackClient.STAGING_URL);
        }
        settings.get("serviceAccountFile").ifPresent(file -> builder.serviceAccount(Path.of(file)));
        settings.get("tokenUrl").ifPresent(builder::tokenUrl);
        settings.get("token").ifPresent(builder::staticToken);
        settings.get("clearencePerson").ifPresent(builder::defaultClearencePerson);
        settings.get("issueType").ifPresent(value -> builder.defaultIssueType(IssueType.of(value)));
        settings.get("closeOutType").ifPresent(builder::defaultCloseOutType);
        settings.get("closeOutNarr").ifPresent(builder::defaultCloseOutNarr);
        settings.integer("defaultPriority").ifPresent(builder::defaultPriority);
        settings.flag("followCreatedTickets").ifPresent(builder::followCreatedTickets);
        return builder.build();
    }
}
