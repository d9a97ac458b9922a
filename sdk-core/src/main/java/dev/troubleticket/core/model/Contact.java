package dev.troubleticket.core.model;

/**
 * A person to call about a ticket: usually the end customer or the operator's field contact.
 *
 * <p>This is personal data: {@link #toString()} masks it so that it never reaches a log line.
 *
 * @param firstName   first name, or {@code null}
 * @param lastName    last name, or {@code null}
 * @param email       e-mail address, or {@code null}
 * @param phoneNumber phone number, or {@code null}
 */
public record Contact(String firstName, String lastName, String email, String phoneNumber) {
    @Override
    public String toString() {
        return "Contact[firstName=" + mask(firstName) + ", lastName=" + mask(lastName) + ", email=" + mask(email)
                + ", phoneNumber=" + mask(phoneNumber) + "]";
    }

    private static String mask(String value) {
        return value == null ? "null" : "***";
    }
}
