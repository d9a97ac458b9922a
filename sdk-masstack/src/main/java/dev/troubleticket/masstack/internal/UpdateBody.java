package dev.troubleticket.masstack.internal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.troubleticket.masstack.model.MasStackAttachment;
import java.util.List;

/** The body of {@code PATCH /troubleTicket/{ticketId}}, as the document's example writes it. */
@JsonPropertyOrder({"baseTroubleTicketState", "ticketId", "mirrorKey", "dialog", "closeOutType", "closeOutNarr",
        "serviceRestoredTime", "customer", "attachments"})
public record UpdateBody(
        String baseTroubleTicketState,
        String ticketId,
        String mirrorKey,
        String dialog,
        String closeOutType,
        String closeOutNarr,
        String serviceRestoredTime,
        Integer customer,
        List<MasStackAttachment> attachments) {

    public UpdateBody {
        attachments = attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments);
    }
}
