package dev.troubleticket.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void contactNeverPrintsPersonalData() {
        Contact contact = new Contact("Patrick", "Bousso", "patrick.bousso@colibrix.fr", "0785655656");
        assertThat(contact.toString()).doesNotContain("Patrick", "Bousso", "colibrix", "0785655656");
        assertThat(contact.email()).isEqualTo("patrick.bousso@colibrix.fr");
    }

    @Test
    void ticketsAndEventsDoNotPrintTheirPayloadOrComment() {
        RawPayload raw = new RawPayload("kosc", "{\"owner_contact\":{\"email\":\"john@doe.com\"}}");
        assertThat(raw.toString()).doesNotContain("john@doe.com");
        TicketEvent event = new TicketEvent("kosc", "1", "T1", TicketEvent.Kind.COMMENT, null, "test",
                "call John Doe on 0123456789", null, null, null, raw);
        assertThat(event.toString()).doesNotContain("John", "0123456789", "john@doe.com");

        Ticket ticket = Ticket.builder("kosc", "989").title("John Doe has no sync").description("call John Doe on 0123456789")
                .contact(new Contact("John", "Doe", "john@doe.com", "0123456789")).raw(raw).build();
        assertThat(ticket.toString()).doesNotContain("John", "0123456789", "john@doe.com")
                .contains("id=989", "titleLength=20", "descriptionLength=27");
    }

    @Test
    void createRequestKeepsProviderFieldsThatAreNullOnPurpose() {
        CreateTicketRequest request = CreateTicketRequest.builder().providerField("diagnostic_run_id", null).build();
        assertThat(request.providerFields()).containsKey("diagnostic_run_id");
        assertThat(request.providerField("diagnostic_run_id")).isNull();
    }

    @Test
    void statusChangeTextIsReadAsNeutralWhenItIsANeutralName() {
        assertThat(StatusChange.parse("closed").target()).isEqualTo(TicketStatus.CLOSED);
        assertThat(StatusChange.parse("in-progress").target()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(StatusChange.parse("TU09").providerTarget()).isEqualTo("TU09");
        assertThat(StatusChange.parse("TU09").target()).isNull();
        assertThatThrownBy(() -> StatusChange.toProviderStatus(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ticketAnswersToItsAlternateIds() {
        Ticket ticket = Ticket.builder("kosc", "989").alternateIds(List.of("T190517_08006")).build();
        assertThat(ticket.hasId("T190517_08006")).isTrue();
        assertThat(ticket.hasId("989")).isTrue();
        assertThat(ticket.hasId("990")).isFalse();
        assertThat(ticket.status()).isEqualTo(TicketStatus.UNKNOWN);
    }

    @Test
    void ticketKeepsItsDatesAsWrittenAndReadsTheirInstants() {
        Ticket ticket = Ticket.builder("kosc", "989")
                .created(Timestamp.parse("2017-05-09T16:1:04 AM.637766"))
                .updated(Timestamp.parse("yesterday"))
                .build();
        assertThat(ticket.created().raw()).isEqualTo("2017-05-09T16:1:04 AM.637766");
        assertThat(ticket.createdAt()).isEqualTo(Instant.parse("2017-05-09T16:01:04.637766Z"));
        assertThat(ticket.updated().raw()).isEqualTo("yesterday");
        assertThat(ticket.updatedAt()).isNull();

        Instant now = Instant.parse("2026-11-23T20:30:00Z");
        Ticket built = Ticket.builder("nexera", "TT-1").createdAt(now).updatedAt(null).build();
        assertThat(built.createdAt()).isEqualTo(now);
        assertThat(built.created().raw()).isEqualTo("2026-11-23T20:30:00Z");
        assertThat(built.updated()).isNull();
        assertThat(built.updatedAt()).isNull();
    }

    @Test
    void queryFiltersOnTheLastChangeReadFromItsText() {
        Ticket ticket = Ticket.builder("nexera", "TT-1").updated(Timestamp.parse("2026-11-23T21:30:00+01:00")).build();
        assertThat(TicketQuery.builder().updatedSince(Instant.parse("2026-11-23T20:30:00Z")).build().matches(ticket)).isTrue();
        assertThat(TicketQuery.builder().updatedSince(Instant.parse("2026-11-23T20:30:01Z")).build().matches(ticket)).isFalse();
    }

    @Test
    void queryMatchesOnNeutralAndProviderStatus() {
        Ticket resolved = Ticket.builder("kosc", "1").status(TicketStatus.RESOLVED, "cleared").build();
        assertThat(TicketQuery.builder().status(TicketStatus.RESOLVED).build().matches(resolved)).isTrue();
        assertThat(TicketQuery.builder().status(TicketStatus.CLOSED).build().matches(resolved)).isFalse();
        assertThat(TicketQuery.builder().providerStatus("open").build().matches(resolved)).isFalse();
    }

    @Test
    void attachmentsCopyTheirBytesAndPrintOnlyTheSize() {
        byte[] bytes = {1, 2, 3};
        Attachment attachment = Attachment.inline("a.txt", "text/plain", bytes);
        bytes[0] = 9;
        assertThat(attachment.content()[0]).isEqualTo((byte) 1);
        assertThat(attachment.toString()).contains("size=3");
        assertThat(attachment).isEqualTo(Attachment.inline("a.txt", "text/plain", new byte[] {1, 2, 3}));
    }

    record Colour(String value) implements OpenValue {
        static final Colour RED = new Colour("Red");
        static final Colour BLUE = new Colour("Blue");
    }

    @Test
    void openValuesFindTheirDocumentedConstantIgnoringCaseAndKeepUnknownOnes() {
        List<Colour> known = List.of(Colour.RED, Colour.BLUE);
        assertThat(OpenValue.canonical("rED", known)).isSameAs(Colour.RED);
        assertThat(OpenValue.canonical("purple", known)).isNull();
        assertThat(new Colour("blue").sameValueAs(Colour.BLUE)).isTrue();
        assertThat(new Colour("blue").sameValueAs(Colour.RED)).isFalse();
        assertThat(new Colour("blue").sameValueAs(null)).isFalse();
    }
}
