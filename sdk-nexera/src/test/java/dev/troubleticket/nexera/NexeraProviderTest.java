package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import java.util.Map;
import dev.troubleticket.core.contract.SettingKeysRead;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SPI, the settings keys and the builder's checks. */
class NexeraProviderTest {

    @Test
    void bothProviderIdsAreFoundOnTheClassPath() {
        assertThat(TicketingClients.availableProviders()).contains("nexera", "tmf621");
    }

    @Test
    void nexeraSettingsBuildAClientWithNexerasProfileAndTmf621SettingsAGenericOne() {
        try (TicketingClient nexera = TicketingClients.create("nexera", ProviderSettings.of(Map.of("baseUrl", "https://api.example.pl",
                "username", "u", "password", "p")));
             TicketingClient tmf = TicketingClients.create("tmf621", ProviderSettings.of(Map.of("baseUrl", "https://tmf.example",
                     "token", "abc")))) {
            assertThat(nexera).isInstanceOf(Tmf621Client.class);
            assertThat(nexera.provider()).isEqualTo("nexera");
            assertThat(nexera.unwrap(Tmf621Api.class).profile().basePath()).isEqualTo(NexeraProfile.BASE_PATH);
            assertThat(nexera.unwrap(Tmf621Api.class).profile().matrix()).isSameAs(NexeraProfile.matrix());
            assertThat(tmf.provider()).isEqualTo("tmf621");
            assertThat(tmf.unwrap(Tmf621Api.class).profile().basePath()).isEqualTo(Tmf621Profile.TMF_BASE_PATH);
            assertThat(nexera.capabilities()).contains(Capability.PUSH_NOTIFICATIONS, Capability.LIST, Capability.ATTACHMENTS)
                    .doesNotContain(Capability.EVENT_FEED);
        }
    }

    @Test
    void missingBaseUrlOrCredentialsAreNamed() {
        assertThatThrownBy(() -> TicketingClients.create("nexera", ProviderSettings.of(Map.of("username", "u", "password", "p"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> TicketingClients.create("nexera", ProviderSettings.of(Map.of("baseUrl", "https://x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username+password");
        assertThatThrownBy(() -> TicketingClients.create("nexera", ProviderSettings.of(Map.of("baseUrl", "https://x", "clientId", "c"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenUrl");
    }

    @Test
    void builderReportsEveryProblemAndNeverPrintsSecrets() {
        Tmf621Client.Builder builder = NexeraClient.builder().baseUrl("http://api.example.pl").basicAuth("u", "hunter2").token("tok-secret");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http").hasMessageContaining("more than one way");
        assertThat(builder.toString()).doesNotContain("hunter2", "tok-secret");
    }

    @Test
    void unwrapAnswersTheClientAndItsApiAndRefusesOtherTypes() {
        try (Tmf621Client client = NexeraClient.builder().baseUrl("https://api.example.pl").basicAuth("u", "p").build()) {
            assertThat(client.unwrap(Tmf621Client.class)).isSameAs(client);
            assertThat(client.provider()).isEqualTo("nexera");
            assertThatThrownBy(() -> client.unwrap(Runnable.class)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void settingKeysOfBothProvidersNameEveryKeyTheSharedConfigurationReadsAndTheResponseLimit() {
        java.util.Set<String> read = new java.util.TreeSet<>(
                SettingKeysRead.in(Path.of("src/main/java/dev/troubleticket/nexera/Tmf621Provider.java")));
        read.add(ProviderSettings.MAX_RESPONSE_BYTES);
        assertThat(new Tmf621Provider().settingKeys()).containsExactlyInAnyOrderElementsOf(read);
        assertThat(new NexeraProvider().settingKeys()).containsExactlyInAnyOrderElementsOf(read);
        // NexeraProvider hands its settings to Tmf621Provider.configure and reads none itself.
        assertThat(SettingKeysRead.in(Path.of("src/main/java/dev/troubleticket/nexera/NexeraProvider.java"))).isEmpty();
    }
}
