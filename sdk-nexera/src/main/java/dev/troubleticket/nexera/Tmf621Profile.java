package dev.troubleticket.nexera;

import dev.troubleticket.nexera.model.RequirementMatrix;
import java.util.Objects;

/**
 * What distinguishes one TMF621 v4 server from another: where the API lives below the base URL, which
 * fields each request may carry, and whether the provider's closed vocabularies (ticket types, sub-types,
 * severities, origins, numeric priority 1..10) are checked before sending.
 *
 * @param providerId        the provider id the client reports ({@code nexera}, {@code tmf621})
 * @param basePath          the path of the API below the base URL, for example {@code /tmf-api/troubleTicket/v4}
 * @param matrix            the requirement matrix enforced before sending
 * @param defaultTicketType the {@code ticketType} a neutral create uses when none is given
 * @param strictVocabulary  whether values outside the documented vocabularies are refused before sending
 */
public record Tmf621Profile(String providerId, String basePath, RequirementMatrix matrix, String defaultTicketType,
                            boolean strictVocabulary) {

    /** The TMF621 v4 reference path. */
    public static final String TMF_BASE_PATH = "/tmf-api/troubleTicket/v4";

    /** Refuses a profile without provider id or matrix; the base path gets one leading slash and no trailing one. */
    public Tmf621Profile {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(matrix, "matrix");
        basePath = normalise(basePath);
    }

    /**
     * Any TMF621 v4 server: the reference base path, only what TMF621 itself requires on a create
     * ({@code description}, {@code severity}, {@code ticketType}), server-set fields refused, open vocabularies.
     */
    public static Tmf621Profile generic() {
        RequirementMatrix matrix = RequirementMatrix.builder("default")
                .field("id", "P", "P")
                .field("href", "P", "P")
                .field("description", "R", "O")
                .field("severity", "R", "O")
                .field("ticketType", "R", "O")
                .field("creationDate", "P", "P")
                .field("lastUpdate", "P", "P")
                .field("statusChangeDate", "P", "P")
                .field("status", "P", "PD")
                .field("statusChangeReason", "O", "PD")
                .field("note.date", "P", "P")
                .field("note.text", "R", "R")
                .field("relatedEntity.@referredType", "R", "R")
                .field("relatedEntity.role", "R", "R")
                .field("relatedParty.@referredType", "R", "R")
                .field("relatedParty.role", "R", "R")
                .field("relatedParty.id", "R", "R")
                .build();
        return new Tmf621Profile("tmf621", TMF_BASE_PATH, matrix, "Customer_Trouble_Ticket", false);
    }

    /** The same profile with another base path (servers differ: {@code /tmf-api/troubleTicketManagement/v4}, ...). */
    public Tmf621Profile withBasePath(String value) {
        return new Tmf621Profile(providerId, value, matrix, defaultTicketType, strictVocabulary);
    }

    /** The same profile reporting another provider id. */
    public Tmf621Profile withProviderId(String value) {
        return new Tmf621Profile(value, basePath, matrix, defaultTicketType, strictVocabulary);
    }

    /** The same profile with another matrix. */
    public Tmf621Profile withMatrix(RequirementMatrix value) {
        return new Tmf621Profile(providerId, basePath, value, defaultTicketType, strictVocabulary);
    }

    private static String normalise(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "";
        }
        String trimmed = path.trim();
        trimmed = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
