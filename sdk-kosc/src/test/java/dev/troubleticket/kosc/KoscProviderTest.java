package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.util.Map;
import dev.troubleticket.core.contract.SettingKeysRead;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ServiceLoader entry and its settings keys. */
class KoscProviderTest {

    @Test
    void providerIsFoundByIdAndDeclaresItsCapabilities() {
        assertThat(TicketingClients.availableProviders()).contains("kosc");
        try (KoscSimulator simulator = new KoscSimulator().start()) {
            TicketingClient client = TicketingClients.create("kosc", simulator.clientSettings());
            assertThat(client.provider()).isEqualTo("kosc");
            // Kosc's subscription polls its ticket list and feed (EVENT_FEED); it re-reads no followed tickets.
            assertThat(client.capabilities()).contains(Capability.CREATE, Capability.EVENT_FEED)
                    .doesNotContain(Capability.ATTACHMENTS, Capability.PUSH_NOTIFICATIONS, Capability.WATCH_BY_POLLING);
            assertThat(client.unwrap(KoscApi.class)).isSameAs(((KoscClient) client).api());
        }
    }

    @Test
    void v1SettingsAndStaticTokenSettingsBuildWorkingClients() {
        try (KoscSimulator simulator = new KoscSimulator().start()) {
            TicketingClient v1 = TicketingClients.create("kosc", ProviderSettings.of(Map.of("baseUrl", simulator.baseUrl(),
                    "username", KoscSimulator.EMAIL, "password", KoscSimulator.PASSWORD, "authVersion", "v1")));
            TicketingClient token = TicketingClients.create("kosc", ProviderSettings.of(Map.of("baseUrl", simulator.baseUrl(),
                    "token", simulator.issueV1Token(), "tokenScheme", "JWT")));

            String id = v1.create(simulator.sampleCreateRequest("SETTINGS-1")).id();
            assertThat(token.get(id).externalReference()).isEqualTo("SETTINGS-1");
            assertThat(simulator.loginCount()).isEqualTo(1);
        }
    }

    @Test
    void missingOrBadSettingsAreNamed() {
        assertThatThrownBy(() -> TicketingClients.create("kosc", ProviderSettings.of(Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> TicketingClients.create("kosc", ProviderSettings.of(Map.of("baseUrl", "https://kosc.example"))))
                .hasMessageContaining("username");
        assertThatThrownBy(() -> TicketingClients.create("kosc", ProviderSettings.of(Map.of("baseUrl", "https://kosc.example",
                "username", "u", "password", "p", "authVersion", "v3")))).hasMessageContaining("authVersion");
        assertThatThrownBy(() -> TicketingClients.create("kosc", ProviderSettings.of(Map.of("baseUrl", "https://kosc.example",
                "token", "t", "safeCreateLookupPages", "many")))).hasMessageContaining("safeCreateLookupPages");
        assertThatThrownBy(() -> TicketingClients.create("kosc", ProviderSettings.of(Map.of("baseUrl", "https://kosc.example",
                "token", "t", "ticketScanPagesPerPoll", "0")))).hasMessageContaining("ticketScanPagesPerPoll");
    }

    @Test
    void settingKeysNameEveryKeyCreateReadsAndTheResponseLimit() {
        assertThat(new KoscProvider().settingKeys())
                .containsExactlyInAnyOrderElementsOf(withResponseLimit(
                        SettingKeysRead.in(Path.of("src/main/java/dev/troubleticket/kosc/KoscProvider.java"))));
    }

    @Test
    void everyDeclaredSettingGivenAtOnceStillBuildsAWorkingClient() {
        try (KoscSimulator simulator = new KoscSimulator().start()) {
            Map<String, String> values = new java.util.HashMap<>(Map.of("baseUrl", simulator.baseUrl(),
                    "username", KoscSimulator.EMAIL, "password", KoscSimulator.PASSWORD, "authVersion", "v2", "refreshPath",
                    KoscSimulator.REFRESH_PATH, "safeCreateLookupPages", "2", "eventPageSizeParameter", "size",
                    "ticketScanPagesPerPoll", "3", ProviderSettings.MAX_RESPONSE_BYTES, "8MiB"));
            values.put("token", simulator.issueV1Token());
            values.put("tokenScheme", "JWT");
            assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(new KoscProvider().settingKeys());
            try (TicketingClient client = TicketingClients.create("kosc", ProviderSettings.of(values))) {
                String id = client.create(simulator.sampleCreateRequest("ALL-KEYS-1")).id();
                assertThat(client.get(id).externalReference()).isEqualTo("ALL-KEYS-1");
            }
        }
    }

    private static java.util.Set<String> withResponseLimit(java.util.Set<String> keys) {
        java.util.Set<String> all = new java.util.TreeSet<>(keys);
        all.add(ProviderSettings.MAX_RESPONSE_BYTES);
        return all;
    }
}
