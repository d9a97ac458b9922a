package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.masstack.model.TransactionInput;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a cleared ticket (TU09) sends the close-out the caller gave, else the one the territory owner's resolution
 * (TO07) wrote on the ticket, else the configured defaults; it is refused before sending only when none exists.
 */
class CloseResolvedTicketTest {
    private static final Instant RESTORED = Instant.parse("2026-03-02T09:15:00Z");

    private MasStackSimulator simulator;
    private TicketingClient client;

    @BeforeEach
    void start() {
        simulator = new MasStackSimulator().start(0);
        client = TicketingClients.create("masstack", simulator.clientSettings());
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private String resolvedTicket(String mirrorKey) {
        String id = client.create(simulator.sampleCreateRequest(mirrorKey)).id();
        simulator.resolve(id, "CTO reparada", MasStackSimulator.RESOLUTION_CLOSE_OUT_TYPE, "CTO reparada", RESTORED);
        return id;
    }

    @Test
    void aNeutralCloseWithoutConfiguredDefaultsSendsTheResolutionsCloseOut() {
        String id = client.create(simulator.sampleCreateRequest("ONV-31")).id();
        simulator.resolve(id, "CTO reparada");
        Object restoredAtResolution = simulator.ticket(id).get("serviceRestoredTime");
        assertThat(restoredAtResolution).as("written by the resolution").isNotNull();

        assertThat(client.transition(id, StatusChange.to(TicketStatus.CLOSED)).status()).isEqualTo(TicketStatus.CLOSED);

        assertThat(simulator.ticket(id)).containsEntry("closeOutType", MasStackSimulator.RESOLUTION_CLOSE_OUT_TYPE)
                .containsEntry("closeOutNarr", "CTO reparada").containsEntry("serviceRestoredTime", restoredAtResolution);
        assertThat(simulator.transactions(id)).endsWith("TO07", "TU09");
    }

    @Test
    void theCallersCloseOutCodeAndCommentWinOverTheTicketsOwn() {
        String id = resolvedTicket("ONV-32");

        client.transition(id, StatusChange.to(TicketStatus.CLOSED).withCloseOutCode("FIBRA_REPARADA").withComment("el cliente confirma"));

        assertThat(simulator.ticket(id)).containsEntry("closeOutType", "FIBRA_REPARADA").containsEntry("closeOutNarr", "el cliente confirma")
                .containsEntry("serviceRestoredTime", "2026-03-02T09:15:00Z");
    }

    @Test
    void theConfiguredDefaultsFillOnlyWhatTheTicketLacks() {
        TicketingClient withDefaults = clientWithDefaults("DEFECTO", "cerrada por el operador");
        String id = withDefaults.create(simulator.sampleCreateRequest("ONV-33")).id();
        simulator.resolve(id, "reparada", null, "empalme rehecho", null);

        withDefaults.transition(id, StatusChange.to(TicketStatus.CLOSED));

        assertThat(simulator.ticket(id)).containsEntry("closeOutType", "DEFECTO").containsEntry("closeOutNarr", "empalme rehecho");
        // Neither the caller nor the resolution gave a restoration time: the client's clock at the close.
        assertThat(Instant.parse(String.valueOf(simulator.ticket(id).get("serviceRestoredTime")))).isAfter(RESTORED);
        withDefaults.close();
    }

    @Test
    void aCloseIsRefusedBeforeSendingOnlyWhenNoCloseOutExistsAnywhere() {
        String id = client.create(simulator.sampleCreateRequest("ONV-34")).id();
        simulator.resolve(id, "reparada", null, null, null);
        int before = simulator.server().requestCount();

        assertThatThrownBy(() -> client.transition(id, StatusChange.to(TicketStatus.CLOSED)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("closeOutType", "closeOutNarr");
                });
        assertThat(simulator.server().requestCount()).as("only the read of the state").isEqualTo(before + 1);
        assertThat(simulator.state(id)).isEqualTo("CLEARED");
    }

    @Test
    void theTypedCloseWithOnlyADialogSendsTheResolutionsCloseOut() {
        String id = resolvedTicket("ONV-35");
        MasStackApi api = client.unwrap(MasStackApi.class);

        api.close(id, TransactionInput.dialog("gracias"));

        assertThat(simulator.state(id)).isEqualTo("CLOSED");
        assertThat(simulator.ticket(id)).containsEntry("closeOutType", MasStackSimulator.RESOLUTION_CLOSE_OUT_TYPE)
                .containsEntry("closeOutNarr", "CTO reparada").containsEntry("dialog", "gracias");
    }

    private TicketingClient clientWithDefaults(String closeOutType, String closeOutNarr) {
        Map<String, String> settings = new LinkedHashMap<>(simulator.clientSettings().asMap());
        settings.put("closeOutType", closeOutType);
        settings.put("closeOutNarr", closeOutNarr);
        return TicketingClients.create("masstack", ProviderSettings.of(settings));
    }
}
