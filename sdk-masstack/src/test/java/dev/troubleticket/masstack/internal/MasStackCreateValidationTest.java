package dev.troubleticket.masstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.Attachment;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.masstack.Fixtures;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.MasStackAttachment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The document's create constraints, all reported together, before anything is sent. */
class MasStackCreateValidationTest {

    private static Map<String, String> violations(CreateTroubleTicketRequest request) {
        return CreateValidation.check(request).list().stream()
                .collect(Collectors.toMap(FieldViolation::field, FieldViolation::message, (a, b) -> a + " | " + b));
    }

    @Test
    void validRequestPassesEveryRule() {
        assertThat(violations(Fixtures.typedRequest("ONV-1").build())).isEmpty();
    }

    @Test
    void emptyRequestListsEveryRequiredField() {
        Map<String, String> found = violations(CreateTroubleTicketRequest.builder().build());

        assertThat(found.keySet()).containsExactlyInAnyOrder("mirrorKey", "dialog", "troubleType", "troubleDescription",
                "troubleDetectionTime", "preferredPriority", "troubledObject", "customerTroubleNum", "wh1Parameter",
                "clearencePerson");
    }

    @Test
    void maximumLengthsAreTheDocumentsOwn() {
        Map<String, String> found = violations(Fixtures.typedRequest("M".repeat(256))
                .dialog("d".repeat(4001)).troubleType("t".repeat(36)).troubleDescription("x".repeat(1001))
                .troubledObject("o".repeat(101)).customerTroubleNum("c".repeat(101)).homeId("h".repeat(256))
                .gescal37ID("g".repeat(41)).wh2Parameter("2".repeat(256)).wh5Parameter("5".repeat(256))
                .baseTroubleTicketState("OPENACTIVE").build());

        assertThat(found.keySet()).containsExactlyInAnyOrder("mirrorKey", "dialog", "troubleType", "troubleDescription",
                "troubledObject", "customerTroubleNum", "homeId", "gescal37ID", "wh2Parameter", "wh5Parameter");
        assertThat(found.get("troubleType")).isEqualTo("is 36 characters long; at most 35 are allowed");
        assertThat(violations(Fixtures.typedRequest("M".repeat(255)).troubleType("t".repeat(35)).build())).isEmpty();
    }

    @Test
    void priorityMustBeOneToThree() {
        assertThat(violations(Fixtures.typedRequest("A").preferredPriority(0).build())).containsKey("preferredPriority");
        assertThat(violations(Fixtures.typedRequest("A").preferredPriority(4).build()).get("preferredPriority"))
                .contains("more than 200 clients");
        assertThat(violations(Fixtures.typedRequest("A").preferredPriority(3).build())).isEmpty();
    }

    @Test
    void homeIdIsRequiredOnlyForClientIssues() {
        assertThat(violations(Fixtures.typedRequest("A").homeId(null).build()))
                .containsEntry("homeId", "is required when the issue type (wh1Parameter) is client");
        assertThat(violations(Fixtures.typedRequest("A").homeId(null).wh1Parameter(IssueType.of("client")).build()))
                .containsKey("homeId");
        assertThat(violations(Fixtures.typedRequest("A").homeId(null).wh1Parameter(IssueType.NETWORK).build())).isEmpty();
    }

    @Test
    void issueTypeMustBeClientOrNetworkInEitherLanguage() {
        for (String accepted : List.of("cliente", "client", "Red", "network")) {
            assertThat(violations(Fixtures.typedRequest("A").wh1Parameter(IssueType.of(accepted)).build())).as(accepted).isEmpty();
        }
        assertThat(violations(Fixtures.typedRequest("A").wh1Parameter(IssueType.of("Incidencia Mutualizada")).build()))
                .containsEntry("wh1Parameter", "'Incidencia Mutualizada' is neither client (cliente) nor network (red)");
    }

    @Test
    void detectionTimeMustBeADateTimeWithAZone() {
        assertThat(violations(Fixtures.typedRequest("A").troubleDetectionTime("15/01/2025 10:30").build()))
                .containsKey("troubleDetectionTime");
        assertThat(violations(Fixtures.typedRequest("A").troubleDetectionTime("2025-01-15T10:30:00").build()))
                .containsKey("troubleDetectionTime");
        assertThat(violations(Fixtures.typedRequest("A").troubleDetectionTime("2025-01-15T10:30:00+01:00").build())).isEmpty();
    }

    @Test
    void aCreateIsAlwaysOpenActive() {
        assertThat(violations(Fixtures.typedRequest("A").baseTroubleTicketState("CLEARED").build()))
                .containsEntry("baseTroubleTicketState", "must be OPENACTIVE: a ticket is always created open");
    }

    @Test
    void attachmentsNeedBase64ContentTypeAndName() {
        Map<String, String> found = violations(Fixtures.typedRequest("A")
                .attachment(new MasStackAttachment("not base64!", null, "a.txt"))
                .attachment(new MasStackAttachment("aG9sYQ==", "text/plain", null)).build());

        assertThat(found).containsOnlyKeys("attachments[0].content", "attachments[0].mimeType", "attachments[1].name");
    }

    @Test
    void typedCreateIsRefusedBeforeSendingWithEveryViolation() {
        MasStackClient client = MasStackClient.builder().baseUrl("https://127.0.0.1:9/").staticToken("t").build();

        assertThatThrownBy(() -> client.unwrap(MasStackApi.class).create(Fixtures.typedRequest("A").preferredPriority(9)
                .troubleType("t".repeat(40)).homeId(null).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.violations()).extracting(FieldViolation::field)
                            .containsExactly("troubleType", "preferredPriority", "homeId");
                });
    }

    @Test
    void neutralCreateNamesTheNeutralFieldsAndUnknownProviderFields() {
        MasStackClient client = MasStackClient.builder().baseUrl("https://127.0.0.1:9/").staticToken("t").build();
        CreateTicketRequest request = CreateTicketRequest.builder()
                .providerField("clearancePerson", "typo")
                .providerField("wh1Parameter", "cliente")
                .attachments(List.of(new Attachment("plano.pdf", "application/pdf", null, "https://x/plano.pdf")))
                .build();

        assertThatThrownBy(() -> client.create(request)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.reachedProvider()).isFalse();
            assertThat(e.violations()).extracting(FieldViolation::field).contains("clearancePerson", "attachments[0]",
                    "externalReference (mirrorKey)", "category (troubleType)", "title (troubleDescription)",
                    "description (dialog)", "serviceId (customerTroubleNum)", "troubledObject", "homeId", "clearencePerson");
        });
    }

    @Test
    void neutralPriorityAndDefaultsFillTheProviderFields() {
        MasStackClient client = MasStackClient.builder().baseUrl("https://127.0.0.1:9/").staticToken("t")
                .defaultClearencePerson("AGENT").defaultIssueType(IssueType.NETWORK).build();
        CreateTicketRequest request = Fixtures.neutralRequest("A").providerField("wh1Parameter", null)
                .priority(new dev.troubleticket.core.model.Priority(dev.troubleticket.core.model.Priority.Level.LOW, "4"))
                .build();

        assertThatThrownBy(() -> client.create(request)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::toString)
                        .containsExactly("priority (preferredPriority): is 4; must be 1 (more than 200 clients), 2 (65 to 200) or 3 (10 to 65)"));
    }
}
