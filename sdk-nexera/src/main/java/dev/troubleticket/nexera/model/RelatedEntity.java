package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Something the ticket is about: the faulty product or service, a bill, an order.
 *
 * @param id           the entity's id (required)
 * @param href         its address
 * @param name         its name
 * @param role         the part it plays for the ticket, for example {@code affectedService} (required)
 * @param referredType {@code @referredType}: its actual type, for example {@code Service} (required)
 * @param type         {@code @type}
 */
public record RelatedEntity(String id, String href, String name, String role,
                            @JsonProperty("@referredType") String referredType, @JsonProperty("@type") String type) {
    /** An entity by id, role and type. */
    public static RelatedEntity of(String id, String role, String referredType) {
        return new RelatedEntity(id, null, null, role, referredType, null);
    }
}
