package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.masstack.internal.CreateRequestJson;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.MasStackAttachment;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * {@code CreateRequestJson} writes the bytes Jackson's serialization of the request writes (names, order,
 * left-out nulls, escapes): on the document's example, on the example with each field left out in turn,
 * and on requests with every field, unusual text and attachments with missing parts.
 */
class CreateRequestJsonTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    private static void assertSameAsJackson(CreateTroubleTicketRequest request) throws Exception {
        // The bytes the transport sent before (writeValueAsString differs: it leaves surrogate pairs unescaped).
        String jackson = new String(MAPPER.writeValueAsBytes(request), StandardCharsets.UTF_8);
        String ours = new String(CreateRequestJson.write(request, MAPPER.getFactory()), StandardCharsets.UTF_8);
        assertThat(ours).isEqualTo(jackson);
    }

    @Test
    void writesTheDocumentsExampleAsJacksonDoes() throws Exception {
        CreateTroubleTicketRequest example = CreateTroubleTicketRequest.fromJson(MasStackSpecExamplesTest.example("create-request.json"));
        assertThat(example.mirrorKey()).as("the example was read").isNotNull();
        assertSameAsJackson(example);
    }

    @Test
    void writesTheExampleWithEachFieldLeftOutAsJacksonDoes() throws Exception {
        ObjectNode full = (ObjectNode) MAPPER.readTree(MasStackSpecExamplesTest.example("create-request.json"));
        int checked = 0;
        for (Iterator<String> names = full.fieldNames(); names.hasNext(); checked++) {
            ObjectNode without = full.deepCopy();
            without.remove(names.next());
            assertSameAsJackson(CreateTroubleTicketRequest.fromJson(without.toString()));
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void writesEveryFieldUnusualTextAndPartialAttachmentsAsJacksonDoes() throws Exception {
        CreateTroubleTicketRequest every = CreateTroubleTicketRequest.builder()
                .mirrorKey("ISP-1").dialog("line one\nline \"two\"\t\\ </script> \u0001 ñ 漢字 \uD83D\uDE00")
                .troubleType("SIN SERVICIO").troubleDescription("").troubleDetectionTime("2025-01-15T10:30:00Z")
                .preferredPriority(-2).troubledObject("ONT-1").customerTroubleNum("C-1").homeId("H-1").gescal37ID("G37")
                .issueType(IssueType.of("Incidencia Mutualizada")).wh2Parameter("2").wh3Parameter("3").wh4Parameter("4")
                .wh5Parameter("5").customer("100").clearencePerson("AGENT-1")
                .attachment(MasStackAttachment.of("a.txt", "text/plain", new byte[] {1, 2, 3}))
                .attachment(new MasStackAttachment(null, null, null))
                .attachment(new MasStackAttachment("AAEC", null, "b.bin"))
                .build();
        assertSameAsJackson(every);
    }

    @Test
    void writesAnEmptyRequestAsJacksonDoes() throws Exception {
        assertSameAsJackson(CreateTroubleTicketRequest.builder().build());
        assertSameAsJackson(CreateTroubleTicketRequest.builder().baseTroubleTicketState(null).build());
        assertSameAsJackson(CreateTroubleTicketRequest.builder().preferredPriority(Integer.MAX_VALUE)
                .issueType(IssueType.CLIENT).build());
    }
}
