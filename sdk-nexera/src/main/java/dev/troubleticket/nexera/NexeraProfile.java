package dev.troubleticket.nexera;

import dev.troubleticket.nexera.model.RequirementMatrix;

/**
 * Nexera's TMF621 profile: its base path, its vocabularies and the requirement matrix of its document
 * ("Trouble Ticket API" 1.5.0, "Fields Description"), reconstructed from the flattened table.
 *
 * <p>The document's table lost most of its cells in extraction; the rows below keep every code that
 * survived (the attachment, note, related-entity and related-party sub-tables, {@code troubleTicketRelationship}
 * P) and fill the rest from the field descriptions ("set by the ticket management system" means P) and
 * TMF621's own rules. The module README prints the table and explains each choice.
 */
public final class NexeraProfile {
    /** Nexera's base path, after the Postman collection's {@code {{baseUrl}}/api/openapi/<api>} pattern. */
    public static final String BASE_PATH = "/api/openapi/troubleTicket";

    private static final RequirementMatrix MATRIX = RequirementMatrix.builder("Customer_Trouble_Ticket", "Complaint")
            //                                    CTT POST, CTT PATCH, Complaint POST, Complaint PATCH
            .field("id", "P", "P", "P", "P")
            .field("href", "P", "P", "P", "P")
            .field("name", "R", "O", "R", "O")
            .field("description", "R", "O", "R", "O")
            .field("severity", "R", "O", "O", "O")
            .field("ticketType", "R", "P", "R", "P")
            .field("ticketSubtype", "O", "P", "R", "P")
            .field("priority", "O", "O", "O", "O")
            .field("channel", "O", "P", "O", "P")
            .field("origin", "O", "P", "O", "P")
            .field("externalId", "O", "P", "O", "P")
            .field("correlationId", "O", "P", "O", "P")
            .field("creationDate", "P", "P", "P", "P")
            .field("lastUpdate", "P", "P", "P", "P")
            .field("status", "P", "PD", "P", "PD")
            .field("statusChangeDate", "P", "P", "P", "P")
            .field("statusChangeReason", "P", "PD", "P", "PD")
            .field("statusChange", "P", "P", "P", "P")
            .field("resolutionDate", "P", "P", "P", "P")
            .field("expectedResolutionDate", "P", "P", "P", "P")
            .field("requestedResolutionDate", "O", "P", "O", "P")
            .field("note", "O", "O", "O", "O")
            .field("note.id", "O", "O", "O", "O")
            .field("note.author", "O", "O", "O", "O")
            .field("note.date", "P", "P", "P", "P")
            .field("note.text", "R", "R", "R", "R")
            .field("attachment", "O", "O", "O", "O")
            .field("attachment.name", "R", "R", "R", "R")
            .field("attachment.content", "R", "R", "R", "R")
            .field("attachment.mimeType", "R", "R", "R", "R")
            .field("attachment.size", "O", "O", "O", "O")
            .field("relatedEntity", "R", "P", "O", "P")
            .field("relatedEntity.id", "R", "R", "R", "R")
            .field("relatedEntity.href", "O", "O", "O", "O")
            .field("relatedEntity.name", "O", "O", "O", "O")
            .field("relatedEntity.role", "R", "R", "R", "R")
            .field("relatedEntity.@referredType", "R", "R", "R", "R")
            .field("relatedParty", "O", "P", "O", "P")
            .field("relatedParty.id", "R", "R", "R", "R")
            .field("relatedParty.href", "O", "O", "O", "O")
            .field("relatedParty.name", "O", "O", "O", "O")
            .field("relatedParty.role", "R", "R", "R", "R")
            .field("relatedParty.@referredType", "R", "R", "R", "R")
            .field("troubleTicketRelationship", "P", "P", "P", "P")
            .field("@baseType", "O", "P", "O", "P")
            .field("@type", "O", "P", "O", "P")
            .field("@schemaLocation", "O", "P", "O", "P")
            .build();

    private static final Tmf621Profile PROFILE = new Tmf621Profile("nexera", BASE_PATH, MATRIX, "Customer_Trouble_Ticket", true);

    private NexeraProfile() {
    }

    /** The Nexera profile. */
    public static Tmf621Profile profile() {
        return PROFILE;
    }

    /** Nexera's requirement matrix. */
    public static RequirementMatrix matrix() {
        return MATRIX;
    }
}
