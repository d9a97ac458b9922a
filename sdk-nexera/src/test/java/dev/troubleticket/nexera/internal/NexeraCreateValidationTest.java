package dev.troubleticket.nexera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.NexeraProfile;
import dev.troubleticket.nexera.Tmf621Profile;
import dev.troubleticket.nexera.model.TicketOperation;
import dev.troubleticket.nexera.model.AttachmentRefOrValue;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.Origin;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.RelatedParty;
import dev.troubleticket.nexera.model.Severity;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TicketType;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The requirement matrix and vocabularies, checked before sending, every violation together. */
class NexeraCreateValidationTest {
    private final CreateValidation nexera = new CreateValidation(NexeraProfile.matrix(), true, Json.mapper());
    private final CreateValidation generic = new CreateValidation(Tmf621Profile.generic().matrix(), false, Json.mapper());

    private static TroubleTicket.Builder validTroubleTicket() {
        return TroubleTicket.builder().ticketType(TicketType.CUSTOMER_TROUBLE_TICKET).name("No sync").description("LOS")
                .severity(Severity.HIGH).relatedEntity(List.of(RelatedEntity.of("FTTH-1", "affectedService", "Service")));
    }

    private static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }

    @Test
    void validCustomerTroubleTicketPasses() {
        assertThat(nexera.check(validTroubleTicket().build(), TicketOperation.CREATE, null)).isEmpty();
    }

    @Test
    void createListsEveryMissingAndProhibitedFieldTogether() {
        TroubleTicket ticket = TroubleTicket.builder().ticketType(TicketType.CUSTOMER_TROUBLE_TICKET).id("TT-1")
                .status(TroubleTicketStatus.SUBMITTED).creationDate(Timestamp.parse("2026-01-01T00:00:00Z")).build();

        List<FieldViolation> violations = nexera.check(ticket, TicketOperation.CREATE, null);

        assertThat(fields(violations)).containsExactlyInAnyOrder("id", "name", "description", "severity", "status", "creationDate",
                "relatedEntity");
        assertThat(violations).filteredOn(v -> v.field().equals("id")).first()
                .satisfies(v -> assertThat(v.message()).contains("must not be sent", "Customer_Trouble_Ticket POST"));
    }

    @Test
    void complaintNeedsASubtypeButNoRelatedEntity() {
        TroubleTicket complaint = TroubleTicket.builder().ticketType(TicketType.COMPLAINT).name("Wrong bill").description("charged twice")
                .build();

        assertThat(fields(nexera.check(complaint, TicketOperation.CREATE, null))).containsExactly("ticketSubtype");
        assertThat(nexera.check(complaint.toBuilder().ticketSubtype(TicketSubtype.FINANCIAL).build(), TicketOperation.CREATE, null))
                .isEmpty();
    }

    @Test
    void nestedElementsAreCheckedOneByOneWithTheirIndex() {
        TroubleTicket ticket = validTroubleTicket()
                .note(List.of(Note.of("me", "ok"), new Note(null, "me", Timestamp.parse("2026-01-01T00:00:00Z"), " ", null)))
                .attachment(List.of(new AttachmentRefOrValue(null, null, null, null, null, null, null, null, null, null, null, null)))
                .relatedParty(List.of(new RelatedParty("P-1", null, "ISP", null, null, null)))
                .build();

        assertThat(fields(nexera.check(ticket, TicketOperation.CREATE, null))).containsExactlyInAnyOrder(
                "note[1].date", "note[1].text", "attachment[0].name", "attachment[0].content", "attachment[0].mimeType",
                "relatedParty[0].role", "relatedParty[0].@referredType");
    }

    @Test
    void attachmentReferenceNeedsNoContentButANewAttachmentDoes() {
        TroubleTicket patch = TroubleTicket.builder().attachment(List.of(AttachmentRefOrValue.reference("ATT-1"),
                AttachmentRefOrValue.embedded("photo.png", "image/png", new byte[] {1, 2, 3}))).build();

        assertThat(nexera.check(patch, TicketOperation.UPDATE, "Customer_Trouble_Ticket")).isEmpty();
    }

    @Test
    void vocabulariesPriorityRangeBase64AndMediaTypeAreChecked() {
        TroubleTicket ticket = validTroubleTicket().priority(0).severity(Severity.of("Critical")).ticketSubtype(TicketSubtype.of("Billing"))
                .origin(Origin.of("Fax")).ticketType(TicketType.of("Outage"))
                .attachment(List.of(new AttachmentRefOrValue(null, null, "x", null, null, "###", "png", null, null, null, null, null)))
                .build();

        assertThat(fields(nexera.check(ticket, TicketOperation.CREATE, null))).contains("priority", "severity", "ticketSubtype", "origin",
                "ticketType", "attachment[0].content", "attachment[0].mimeType");
    }

    @Test
    void patchMayNotChangeTheTypeNorAskForAStatusOnlyTheProviderSets() {
        TroubleTicket patch = TroubleTicket.builder().ticketType(TicketType.COMPLAINT).status(TroubleTicketStatus.RESOLVED)
                .lastUpdate(Timestamp.parse("2026-01-01T00:00:00Z")).build();

        assertThat(fields(nexera.check(patch, TicketOperation.UPDATE, "Customer_Trouble_Ticket")))
                .containsExactlyInAnyOrder("ticketType", "status", "lastUpdate");
    }

    @Test
    void anOperatorTargetIsRecognisedInAnotherCaseOrWithSurroundingBlanks() {
        TroubleTicket patch = TroubleTicket.builder().status(TroubleTicketStatus.of(" Closed ")).build();

        assertThat(nexera.check(patch, TicketOperation.UPDATE, "Customer_Trouble_Ticket")).isEmpty();
    }

    @Test
    void statusChangeReasonAloneAndAnEmptyPatchAreRefused() {
        assertThat(fields(nexera.check(TroubleTicket.builder().statusChangeReason("because").build(), TicketOperation.UPDATE, null)))
                .containsExactly("statusChangeReason");
        assertThat(fields(nexera.check(TroubleTicket.builder().build(), TicketOperation.UPDATE, null))).containsExactly("(patch)");
    }

    @Test
    void genericProfileAsksOnlyWhatTmf621RequiresAndKeepsVocabulariesOpen() {
        TroubleTicket ticket = TroubleTicket.builder().ticketType(TicketType.of("Outage")).description("down")
                .severity(Severity.of("Critical")).priority(42).build();

        assertThat(generic.check(ticket, TicketOperation.CREATE, null)).isEmpty();
        assertThat(fields(nexera.check(ticket, TicketOperation.CREATE, null))).contains("name", "relatedEntity", "priority");
    }
}
