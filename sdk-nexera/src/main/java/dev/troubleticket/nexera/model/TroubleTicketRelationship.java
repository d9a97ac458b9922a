package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A link to another trouble ticket. Read only: Nexera prohibits it in requests.
 *
 * @param id               the other ticket's id
 * @param href             its address
 * @param name             a description of the related record
 * @param relationshipType the kind of link
 * @param type             {@code @type}
 */
public record TroubleTicketRelationship(String id, String href, String name, String relationshipType,
                                        @JsonProperty("@type") String type) {
}
