package dev.troubleticket.masstack.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator sends with one of its (TU) transactions on {@code PATCH /troubleTicket/{ticketId}}.
 * The ticket id, mirror key and target state are added by {@link dev.troubleticket.masstack.MasStackApi}
 * from the ticket itself.
 *
 * @param dialog              the message (required for every transaction, at most 4000)
 * @param closeOutType        the agreed resolution typification (required to close, TU09; at most 128)
 * @param closeOutNarr        the real typification (required to close, TU09; at most 128)
 * @param serviceRestoredTime when the service was restored, RFC 3339, at most 20 characters (required to close, TU09)
 * @param customer            the number of clients affected, or {@code null}
 * @param attachments         files as base64
 */
public record TransactionInput(
        String dialog,
        String closeOutType,
        String closeOutNarr,
        String serviceRestoredTime,
        Integer customer,
        List<MasStackAttachment> attachments) {

    /** Copies the attachments, so that the input cannot change after it is made. */
    public TransactionInput {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Just a message. */
    public static TransactionInput dialog(String text) {
        return builder().dialog(text).build();
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This input with each close-out field it leaves out ({@code closeOutType}, {@code closeOutNarr},
     * {@code serviceRestoredTime}) taken from {@code ticket}: the territory owner's resolution (TO07) writes them on
     * the ticket, and closing it (TU09) sends them back unless the operator gives its own.
     */
    public TransactionInput withCloseOutFrom(MasStackTicket ticket) {
        return new TransactionInput(dialog, given(closeOutType, ticket.closeOutType()), given(closeOutNarr, ticket.closeOutNarr()),
                given(serviceRestoredTime, ticket.serviceRestoredTime()), customer, attachments);
    }

    private static String given(String own, String fallback) {
        return own != null && !own.isBlank() ? own : fallback;
    }

    @Override
    public String toString() {
        return "TransactionInput[dialogLength=" + (dialog == null ? 0 : dialog.length()) + ", closeOutType=" + closeOutType
                + ", serviceRestoredTime=" + serviceRestoredTime + ", attachments=" + attachments.size() + "]";
    }

    /** Builds a {@link TransactionInput}. */
    public static final class Builder {
        private String dialog;
        private String closeOutType;
        private String closeOutNarr;
        private String serviceRestoredTime;
        private Integer customer;
        private final List<MasStackAttachment> attachments = new ArrayList<>();

        private Builder() {
        }

        /** Sets {@code dialog}, the message sent with the transaction (at most 4000). */
        public Builder dialog(String value) { this.dialog = value; return this; }
        /** Sets {@code closeOutType}, the agreed resolution typification needed to close (TU09). */
        public Builder closeOutType(String value) { this.closeOutType = value; return this; }
        /** Sets {@code closeOutNarr}, the real typification needed to close (TU09). */
        public Builder closeOutNarr(String value) { this.closeOutNarr = value; return this; }
        /** The restoration time as text; checked as a date-time of at most 20 characters when sent. */
        public Builder serviceRestoredTime(String value) { this.serviceRestoredTime = value; return this; }
        /** The restoration time, written to the second in UTC so that it fits the 20 characters allowed. */
        public Builder serviceRestoredTime(Instant value) {
            this.serviceRestoredTime = value == null ? null : value.truncatedTo(ChronoUnit.SECONDS).toString();
            return this;
        }
        /** Sets {@code customer}, the number of clients affected. */
        public Builder customer(Integer value) { this.customer = value; return this; }
        /** Adds one file to {@code attachments}. */
        public Builder attachment(MasStackAttachment value) { this.attachments.add(value); return this; }
        /** Adds these files to {@code attachments}, after any added before. */
        public Builder attachments(List<MasStackAttachment> values) { this.attachments.addAll(values); return this; }

        /** Makes the input; {@code MasStackApi} checks it against the transaction before sending. */
        public TransactionInput build() {
            return new TransactionInput(dialog, closeOutType, closeOutNarr, serviceRestoredTime, customer, attachments);
        }
    }
}
