package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.UnsupportedCapabilityException;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.masstack.model.TransactionTable;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.nio.file.Path;
import java.util.Map;
import dev.troubleticket.core.contract.SettingKeysRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the client from settings through the SPI, and what the builder refuses. */
class MasStackProviderTest {

    @Test
    void providerIsFoundByItsId() {
        assertThat(TicketingClients.availableProviders()).contains("masstack");
    }

    @Test
    void capabilitiesSayThereIsNoListNoHistoryButPollingWatch() {
        try (TicketingClient client = TicketingClients.create("masstack", ProviderSettings.of(Map.of("token", "t")))) {
            assertThat(client.capabilities()).contains(Capability.CREATE, Capability.GET, Capability.COMMENT,
                    Capability.TRANSITION, Capability.ATTACHMENTS, Capability.WATCH_BY_POLLING)
                    .doesNotContain(Capability.LIST, Capability.HISTORY, Capability.EVENT_FEED, Capability.PUSH_NOTIFICATIONS);
            assertThatThrownBy(() -> client.list(TicketQuery.all())).isInstanceOf(UnsupportedCapabilityException.class);
            assertThatThrownBy(() -> client.history("RED-84")).isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(client.toString()).contains(MasStackClient.PRODUCTION_URL);
        }
    }

    @Test
    void environmentChoosesTheDocumentsBaseUrl() {
        try (TicketingClient client = TicketingClients.create("masstack",
                ProviderSettings.of(Map.of("environment", "staging", "token", "t")))) {
            assertThat(client.toString()).contains(MasStackClient.STAGING_URL);
        }
        assertThatThrownBy(() -> TicketingClients.create("masstack", ProviderSettings.of(Map.of("environment", "dev", "token", "t"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment");
    }

    @Test
    void serviceAccountSettingsTalkToTheSimulator(@TempDir Path dir) {
        try (MasStackSimulator simulator = new MasStackSimulator().start(0)) {
            Path file = simulator.writeServiceAccount(dir.resolve("sa.json"));
            try (TicketingClient client = TicketingClients.create("masstack", ProviderSettings.of(Map.of(
                    "baseUrl", simulator.baseUrl(), "tokenUrl", simulator.tokenUrl(), "serviceAccountFile", file.toString(),
                    "clearencePerson", "AGENT")))) {
                assertThat(client.create(simulator.sampleCreateRequest("ONV-77")).externalReference()).isEqualTo("ONV-77");
                assertThat(simulator.tokensIssued()).isEqualTo(1);
                assertThat(client.toString()).contains(MasStackSimulator.CLIENT_EMAIL).doesNotContain("PRIVATE");
            }
        }
    }

    @Test
    void missingAuthenticationAndTokenUrlAreNamedTogether(@TempDir Path dir) {
        assertThatThrownBy(() -> MasStackClient.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authentication is required");
        try (MasStackSimulator simulator = new MasStackSimulator()) {
            Path file = simulator.writeServiceAccount(dir.resolve("sa.json"));
            assertThatThrownBy(() -> MasStackClient.builder().serviceAccount(file).defaultPriority(5).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tokenUrl is required")
                    .hasMessageContaining("defaultPriority must be 1, 2 or 3");
            assertThatThrownBy(() -> MasStackClient.builder().serviceAccount(file).staticToken("t").tokenUrl("https://x/t").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
        }
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        assertThatThrownBy(() -> MasStackClient.builder().baseUrl("http://ticketing.example.com/").staticToken("t").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl").hasMessageContaining("plain http");
    }

    @Test
    void unwrapGivesTheTypedApiAndTheClient() {
        try (MasStackClient client = MasStackClient.builder().staticToken("t").build()) {
            assertThat(client.unwrap(MasStackApi.class).transactionTable()).isSameAs(TransactionTable.standard());
            assertThat(client.unwrap(MasStackClient.class)).isSameAs(client);
            assertThatThrownBy(() -> client.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void settingKeysNameEveryKeyCreateReadsAndTheResponseLimit() {
        java.util.Set<String> read = new java.util.TreeSet<>(
                SettingKeysRead.in(Path.of("src/main/java/dev/troubleticket/masstack/MasStackProvider.java")));
        read.add(ProviderSettings.MAX_RESPONSE_BYTES);
        assertThat(new MasStackProvider().settingKeys()).containsExactlyInAnyOrderElementsOf(read);
    }
}
