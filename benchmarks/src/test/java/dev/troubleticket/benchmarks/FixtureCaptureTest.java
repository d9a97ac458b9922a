package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.internal.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixtureCaptureTest {

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void capturesTheTicketTheSimulatorAnsweredForTheSampleRequest(String provider) throws Exception {
        ProviderFixture fixture = FixtureCapture.capture(provider);

        JsonNode ticket = Json.mapper().readTree(fixture.ticketJson());
        assertThat(ticket.isObject()).isTrue();
        assertThat(fixture.ticketJson()).contains(fixture.ticketId()).contains("BENCH-0001");
        assertThat(Json.mapper().readTree(fixture.createAnswer()).toString()).contains(fixture.ticketId());
    }
}
