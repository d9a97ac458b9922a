package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A ticket's {@code owner_contact}: the person Kosc calls about the fault. Personal data:
 * {@link #toString()} masks every field.
 *
 * @param firstName   {@code first_name}
 * @param lastName    {@code last_name}
 * @param email       {@code email}
 * @param phoneNumber {@code phone_number}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KoscContact(String firstName, String lastName, String email, String phoneNumber) {
    @Override
    public String toString() {
        return "KoscContact[firstName=" + mask(firstName) + ", lastName=" + mask(lastName) + ", email=" + mask(email)
                + ", phoneNumber=" + mask(phoneNumber) + "]";
    }

    private static String mask(String value) {
        return value == null ? "null" : "***";
    }
}
