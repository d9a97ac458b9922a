package dev.troubleticket.kosc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.contract.ReaderEquivalence;
import dev.troubleticket.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code KoscEventWireReader} reads what Jackson's binding of {@link KoscEventWire} reads
 * (every field as text whatever its JSON, {@code data} as a tree) and fails where it fails, on the
 * document's feed examples and every variant {@link ReaderEquivalence} makes of them.
 */
class KoscEventWireReaderTest {

    private static String example(String name) throws IOException {
        try (InputStream in = KoscEventWireReaderTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDocumentsEventsAsJacksonsBindingDoesInEveryVariant() throws Exception {
        int variants = new ReaderEquivalence(WireModule.mapper(), KoscEventWire.class).check(example("event-get.json"));
        variants += new ReaderEquivalence(WireModule.mapper(), KoscEventWire.class).check(example("event-example.json"));
        for (String list : new String[] {"events-sorted-list.json", "events-object-list.json"}) {
            JsonNode events = Json.mapper().readTree(example(list));
            for (JsonNode event : events.isArray() ? events : events.path("results")) {
                variants += new ReaderEquivalence(WireModule.mapper(), KoscEventWire.class).check(event.toString());
            }
        }
        assertThat(variants).isGreaterThan(1_000);
    }

    @Test
    void keepsScalarsAsWrittenAndContainersAsJson() throws Exception {
        KoscEventWire wire = WireModule.mapper().readValue("{\"event_uuid\":12,\"model\":true,\"type\":{\"a\":[1]},\"data\":null}",
                KoscEventWire.class);
        assertThat(wire.eventUuid()).isEqualTo("12");
        assertThat(wire.model()).isEqualTo("true");
        assertThat(wire.type()).isEqualTo("{\"a\":[1]}");
        assertThat(wire.data().isNull()).isTrue();
    }

    @Test
    void readsEveryComponentOfTheRecord() throws Exception {
        assertThat(EveryComponentRead.check(WireModule.mapper(), KoscEventWire.class, java.util.Set.of()))
                .isEqualTo(KoscEventWire.class.getRecordComponents().length);
    }
}
