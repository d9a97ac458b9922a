package dev.troubleticket.core.model;

/**
 * The provider-neutral lifecycle of a trouble ticket. Every provider's statuses map onto one of these;
 * the provider's own status name is always kept beside it ({@link Ticket#providerStatus()}).
 *
 * <pre>
 * SUBMITTED → ACKNOWLEDGED → IN_PROGRESS ⇄ WAITING_FOR_OPERATOR / ON_HOLD
 *                                 ↓                ↓
 *                             RESOLVED → CLOSED   CANCELLED      (REJECTED from SUBMITTED)
 * </pre>
 */
public enum TicketStatus {
    /** Sent to the provider, not yet looked at. */
    SUBMITTED,
    /** The provider accepted the ticket and will work on it. */
    ACKNOWLEDGED,
    /** The provider is working on the ticket. */
    IN_PROGRESS,
    /** The provider waits for the operator: it asked for information (Kosc {@code deferred}, TMF {@code pending}). */
    WAITING_FOR_OPERATOR,
    /** The provider asks the operator to agree to cancel the ticket (MasStack {@code DEFERRED.AWAITING-CANCELATION}). */
    CANCELLATION_REQUESTED,
    /** The provider put the ticket on hold for reasons of its own (TMF {@code held}). */
    ON_HOLD,
    /** The provider says the fault is cleared; the operator should close the ticket or reject the resolution. */
    RESOLVED,
    /** Closed for good after resolution. */
    CLOSED,
    /** Ended before being resolved. */
    CANCELLED,
    /** The provider refused to take the ticket on. */
    REJECTED,
    /** A status this SDK version does not know; the provider's own name is in {@link Ticket#providerStatus()}. */
    UNKNOWN;

    /** Whether no further transition is expected. */
    public boolean isTerminal() {
        return this == CLOSED || this == CANCELLED || this == REJECTED;
    }

    /** Whether the provider waits for the operator to act. */
    public boolean awaitsOperator() {
        return this == WAITING_FOR_OPERATOR || this == CANCELLATION_REQUESTED || this == RESOLVED;
    }

    /**
     * Reads a neutral status name, case-insensitively and with {@code -} or spaces for {@code _};
     * answers {@code null} when the text is not a neutral status name.
     */
    public static TicketStatus fromName(String name) {
        if (name == null) {
            return null;
        }
        String normalised = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (TicketStatus status : values()) {
            if (status.name().equals(normalised)) {
                return status;
            }
        }
        return null;
    }
}
