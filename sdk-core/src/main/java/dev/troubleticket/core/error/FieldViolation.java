package dev.troubleticket.core.error;

/**
 * One field of a request that failed a rule, and why.
 *
 * @param field   the field's path as the provider names it (for example {@code owner_contact.email})
 * @param message why it failed, in words a person can act on
 */
public record FieldViolation(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
