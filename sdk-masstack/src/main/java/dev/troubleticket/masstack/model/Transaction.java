package dev.troubleticket.masstack.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The transactions of MasStack's transaction table: what the operator (TU, ticket issuer) and the
 * territory owner (TO, ticket resolver) may do to a ticket. Which state each may start from and lead
 * to is in {@link TransactionTable}.
 */
public enum Transaction {
    /** Creates the ticket, in {@code OPENACTIVE}. */
    TU01(Role.TU, "Crea Ticket", "Creates ticket"),
    /** The territory owner asks to cancel the ticket. */
    TO02(Role.TO, "Solicita Cancelación", "Requests cancellation"),
    /** The operator agrees to the cancellation request and cancels the ticket. */
    TU03(Role.TU, "Cancela Ticket", "Cancels ticket"),
    /** The operator refuses the cancellation request; the ticket goes on. */
    TU04(Role.TU, "Rechaza Solicitud de Cancelación", "Rejects cancellation request"),
    /** The territory owner asks the operator for more information. */
    TO05(Role.TO, "Solicita Información Adicional", "Requests additional information"),
    /** The operator answers an information request; the ticket goes back to the territory owner. */
    TU06(Role.TU, "Envía Información Adicional", "Sends additional information"),
    /** The territory owner settles the ticket. */
    TO07(Role.TO, "Resuelve Ticket", "Settles ticket"),
    /** The operator refuses the resolution; the ticket is worked on again. */
    TU08(Role.TU, "Rechaza Resolución del Ticket", "Rejects ticket resolution"),
    /** The operator closes a settled ticket, giving the close-out typification. */
    TU09(Role.TU, "Cierra Ticket", "Closes ticket"),
    /** The operator sends information without changing the state. */
    TU10(Role.TU, "Envía Información sin modificación", "Sends information with no modifications");

    /** Who makes a transaction. */
    public enum Role {
        /** Territory user: the operator that issues tickets (the SDK's user). */
        TU,
        /** Territory owner: the network operator that resolves them (MasMovil). */
        TO
    }

    private final Role role;
    private final String spanishName;
    private final String englishName;

    Transaction(Role role, String spanishName, String englishName) {
        this.role = role;
        this.spanishName = spanishName;
        this.englishName = englishName;
    }

    /** Who makes it. */
    public Role role() {
        return role;
    }

    /** The code, {@code TU09}. */
    public String code() {
        return name();
    }

    /** The document's Spanish name. */
    public String spanishName() {
        return spanishName;
    }

    /** The document's English name. */
    public String englishName() {
        return englishName;
    }

    /** The transaction with this code, ignoring case and blanks. */
    public static Optional<Transaction> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        for (Transaction transaction : values()) {
            if (transaction.name().equals(normalised)) {
                return Optional.of(transaction);
            }
        }
        return Optional.empty();
    }
}
