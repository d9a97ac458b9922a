package dev.troubleticket.kosc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.Attachment;
import dev.troubleticket.core.model.Contact;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.kosc.KoscTestData;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of the document the client can check ({@link CreateValidation}), all reported together, nothing sent. */
class KoscCreateValidationTest {
    private final MockWebServer server = new MockWebServer();
    private KoscClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = KoscClient.builder().baseUrl(server.url("/").toString()).staticToken("JWT", "t").build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> fields(CreateKoscTicketRequest request) {
        return CreateValidation.violations(request).stream().map(FieldViolation::field).toList();
    }

    @Test
    void emptyRequestListsEveryMissingFieldAtOnce() {
        assertThat(fields(CreateKoscTicketRequest.builder().build())).containsExactly("diagnostic_run_id", "service_uuid",
                "operator_ticket_ref", "description", "category", "owner_contact");
    }

    @Test
    void diagnosticRunMayBeNullOrEmptyOnlyForMovingOtpSlammingAndOther() {
        for (String category : List.of("moving_otp", "slamming", "other")) {
            assertThat(CreateValidation.violations(KoscTestData.typedRequest("R").category(category).diagnosticRunId(null).build())).isEmpty();
            assertThat(CreateValidation.violations(KoscTestData.typedRequest("R").category(category).diagnosticRunId("").build())).isEmpty();
        }
        assertThat(fields(KoscTestData.typedRequest("R").category("low_rate").diagnosticRunId(null).build()))
                .containsExactly("diagnostic_run_id");
        assertThat(fields(KoscTestData.typedRequest("R").category("synchro").diagnosticRunId("").build()))
                .containsExactly("diagnostic_run_id");
    }

    @Test
    void diagnosticRunKeyIsRequiredEvenForCategoriesThatMayGoWithout() {
        CreateKoscTicketRequest noKey = CreateKoscTicketRequest.builder().serviceUuid("s").operatorTicketRef("r").description("d")
                .category("other").ownerContact(new KoscContact("a", "b", "a@b.fr", "0123456789")).build();

        assertThat(fields(noKey)).containsExactly("diagnostic_run_id");
    }

    @Test
    void typeMustBeServiceAndCategoryOneOfTheNine() {
        CreateKoscTicketRequest request = KoscTestData.typedRequest("R").type("line").category("weather").build();

        assertThat(CreateValidation.violations(request)).extracting(FieldViolation::field).containsExactly("type", "category");
        assertThat(CreateValidation.violations(request).get(1).message()).contains("moving_otp").contains("post_prod");
    }

    @Test
    void ownerContactFieldsAreCheckedOneByOne() {
        CreateKoscTicketRequest request = KoscTestData.typedRequest("R")
                .ownerContact(new KoscContact(" ", null, "not-an-address", "call me maybe")).build();

        assertThat(fields(request)).containsExactly("owner_contact.first_name", "owner_contact.last_name", "owner_contact.email",
                "owner_contact.phone_number");
        assertThat(CreateValidation.violations(request).toString()).doesNotContain("not-an-address").doesNotContain("call me maybe");
    }

    @Test
    void typedCreateIsRefusedBeforeSendingWithEveryFailingField() {
        CreateKoscTicketRequest request = KoscTestData.typedRequest("R").type("line").category("weather").serviceUuid(" ")
                .ownerContact(new KoscContact("A", "B", "not-an-address", "0123456789")).build();

        assertThatThrownBy(() -> client.api().createTicket(request)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.reachedProvider()).isFalse();
            assertThat(e.violations()).extracting(FieldViolation::field)
                    .containsExactly("type", "service_uuid", "category", "owner_contact.email");
        });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void categoriesAreKnownIgnoringCaseAndSurroundingBlanks() {
        assertThat(CreateValidation.violations(KoscTestData.typedRequest("R").category(" LOW_RATE ").build())).isEmpty();
        assertThat(CreateValidation.violations(KoscTestData.typedRequest("R").category("Other").diagnosticRunId(null).build()))
                .isEmpty();
        assertThat(fields(KoscTestData.typedRequest("R").category("low rate").build())).containsExactly("category");
    }

    @Test
    void neutralCreateIsRefusedBeforeSendingWithEveryViolationIncludingNonKoscFields() {
        CreateTicketRequest request = CreateTicketRequest.builder()
                .serviceId("svc").category("low_rate").description("slow")
                .contact(new Contact("A", "B", "a@b.fr", "0123456789"))
                .attachments(List.of(Attachment.inline("photo.jpg", "image/jpeg", new byte[] {1})))
                .providerField("diagnostic_run_id", "D170403_001")
                .providerField("urgency", "now")
                .build();

        assertThatThrownBy(() -> client.create(request)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.reachedProvider()).isFalse();
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("operator_ticket_ref", "attachments", "urgency");
        });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void neutralRequestWithoutDiagnosticKeyIsRefused() {
        CreateTicketRequest request = CreateTicketRequest.builder().externalReference("R").serviceId("svc").category("other")
                .description("slow").contact(new Contact("A", "B", "a@b.fr", "0123456789")).build();

        assertThatThrownBy(() -> client.create(request)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("diagnostic_run_id"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void emptyCommentAndEmptyEventAreRefusedBeforeSending() {
        KoscApi api = client.api();

        assertThatThrownBy(() -> api.comment("989", " ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> api.postEvent("989", new dev.troubleticket.kosc.model.TicketEventRequest(null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(2));
        assertThatThrownBy(() -> api.sendOrderInfo(" ", dev.troubleticket.kosc.model.OrderInfoMessage.of("")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("order_uuid", "message"));
        assertThat(server.getRequestCount()).isZero();
    }
}
