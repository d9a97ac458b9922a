package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A party involved in the ticket: the reporting organisation, a contact person.
 *
 * @param id           the party's id (required)
 * @param href         its address
 * @param name         its name (personal data: not printed)
 * @param role         the part it plays, for example {@code reporter} (required)
 * @param referredType {@code @referredType}, for example {@code Organization} (required)
 * @param type         {@code @type}
 */
public record RelatedParty(String id, String href, String name, String role,
                           @JsonProperty("@referredType") String referredType, @JsonProperty("@type") String type) {
    /** A party by id, role and type. */
    public static RelatedParty of(String id, String role, String referredType) {
        return new RelatedParty(id, null, null, role, referredType, null);
    }

    @Override
    public String toString() {
        return "RelatedParty[id=" + id + ", role=" + role + ", referredType=" + referredType + ", name="
                + (name == null ? "null" : "***") + "]";
    }
}
