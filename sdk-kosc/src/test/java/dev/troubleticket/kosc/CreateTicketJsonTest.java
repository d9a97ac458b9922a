package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.kosc.internal.json.CreateTicketJson;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.TicketCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * {@code CreateTicketJson} writes the bytes the SDK sent before, {@code writeValueAsBytes(request.toJson())}:
 * on the document's example, on the example with each field left out in turn, and on requests with
 * unusual text and partial contacts.
 */
class CreateTicketJsonTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    private static ObjectNode example() throws IOException {
        try (InputStream in = CreateTicketJsonTest.class.getResourceAsStream("/spec-examples/ticket-create-request.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    private static void assertSameAsBefore(CreateKoscTicketRequest request) throws IOException {
        String before = new String(MAPPER.writeValueAsBytes(request.toJson()), StandardCharsets.UTF_8);
        String ours = new String(CreateTicketJson.write(request, MAPPER.getFactory()), StandardCharsets.UTF_8);
        assertThat(ours).isEqualTo(before);
    }

    @Test
    void writesTheDocumentsExampleAsBefore() throws IOException {
        CreateKoscTicketRequest request = CreateKoscTicketRequest.fromJson(example());
        assertThat(request.operatorTicketRef()).as("the example was read").isNotNull();
        assertSameAsBefore(request);
    }

    @Test
    void writesTheExampleWithEachFieldLeftOutAsBefore() throws IOException {
        ObjectNode full = example();
        int checked = 0;
        for (Iterator<String> names = full.fieldNames(); names.hasNext(); checked++) {
            ObjectNode without = full.deepCopy();
            without.remove(names.next());
            assertSameAsBefore(CreateKoscTicketRequest.fromJson(without));
        }
        ObjectNode contactShort = full.deepCopy();
        ((ObjectNode) contactShort.get("owner_contact")).remove("email");
        assertSameAsBefore(CreateKoscTicketRequest.fromJson(contactShort));
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void writesUnusualTextAndEmptyRequestsAsBefore() throws IOException {
        assertSameAsBefore(CreateKoscTicketRequest.builder()
                .diagnosticRunId("run-1").type("service").serviceUuid("u-1").operatorTicketRef("ref \"1\"")
                .description("line one\nline two\t\\ </script> \u0001 é 漢字 \uD83D\uDE00").initialComment("")
                .category(TicketCategory.of("a_new_category")).priority("high")
                .ownerContact(new KoscContact("Zoë", null, "a@b.fr", null)).build());
        assertSameAsBefore(CreateKoscTicketRequest.builder().build());
    }
}
