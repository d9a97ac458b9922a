package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.troubleticket.core.internal.Json;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /api/tickets/}, with every field of the document.
 *
 * <p>{@code diagnostic_run_id} is always sent as a key, even when {@code null}, as Kosc requires; whether
 * it was given at all is tracked ({@link #diagnosticRunIdGiven()}) so that a forgotten one is reported.
 * {@code KoscApi.createTicket} checks every rule of the document the client can check before sending, and
 * reports all the broken ones together; the rules only the server can check (standard diagnostic, one open
 * ticket per service and per diagnostic run) come back as Kosc's refusals.
 *
 * <p>The body is this object as Jackson writes it: the annotated accessors, under their wire names and in the
 * document's order ({@code @JsonProperty}, {@code @JsonPropertyOrder}), nulls left out but
 * {@code diagnostic_run_id}'s; nothing else is written (auto-detection is off). A field sent on create is an
 * accessor annotated here.
 */
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
@JsonPropertyOrder({"diagnostic_run_id", "type", "service_uuid", "operator_ticket_ref", "description", "initial_comment",
        "category", "priority", "owner_contact"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CreateKoscTicketRequest {
    /** The categories in which {@code diagnostic_run_id} may be {@code null} or empty. */
    public static final Set<TicketCategory> CATEGORIES_WITHOUT_DIAGNOSTIC =
            Set.of(TicketCategory.MOVING_OTP, TicketCategory.SLAMMING, TicketCategory.OTHER);
    /** The only documented ticket type. */
    public static final String TYPE_SERVICE = "service";

    private final String diagnosticRunId;
    private final boolean diagnosticRunIdGiven;
    private final String type;
    private final String serviceUuid;
    private final String operatorTicketRef;
    private final String description;
    private final String initialComment;
    private final TicketCategory category;
    private final String priority;
    private final KoscContact ownerContact;

    private CreateKoscTicketRequest(Builder b) {
        this.diagnosticRunId = b.diagnosticRunId;
        this.diagnosticRunIdGiven = b.diagnosticRunIdGiven;
        this.type = b.type;
        this.serviceUuid = b.serviceUuid;
        this.operatorTicketRef = b.operatorTicketRef;
        this.description = b.description;
        this.initialComment = b.initialComment;
        this.category = b.category;
        this.priority = b.priority;
        this.ownerContact = b.ownerContact;
    }

    /** Starts a builder with {@code type} set to {@code service}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Always written, {@code null} included: {@code null} says "no diagnostic run" (the categories that need none). */
    @JsonProperty("diagnostic_run_id")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public String diagnosticRunId() { return diagnosticRunId; }
    /** Whether {@code diagnostic_run_id} was set at all (to a value, {@code null} or empty). */
    public boolean diagnosticRunIdGiven() { return diagnosticRunIdGiven; }
    /** The ticket type, {@code type}; {@code service} unless set otherwise. */
    @JsonProperty("type")
    public String type() { return type; }
    /** The affected service's identifier, {@code service_uuid}. */
    @JsonProperty("service_uuid")
    public String serviceUuid() { return serviceUuid; }
    /** The operator's own reference, {@code operator_ticket_ref}, by which a repeated create finds the ticket. */
    @JsonProperty("operator_ticket_ref")
    public String operatorTicketRef() { return operatorTicketRef; }
    /** The fault's description, {@code description}. */
    @JsonProperty("description")
    public String description() { return description; }
    /** The first comment, {@code initial_comment}, or {@code null}. */
    @JsonProperty("initial_comment")
    public String initialComment() { return initialComment; }
    /** The fault category, {@code category}; a value this version does not know is kept as sent. */
    @JsonProperty("category")
    public TicketCategory category() { return category; }
    /** The priority as Kosc spells it, {@code priority}, or {@code null} for Kosc's default. */
    @JsonProperty("priority")
    public String priority() { return priority; }
    /** Who Kosc should call, {@code owner_contact}, or {@code null}. */
    @JsonProperty("owner_contact")
    public KoscContact ownerContact() { return ownerContact; }

    /**
     * Reads a create body written as in Kosc's document (for example a file given to
     * {@code ticketctl create --file}). Nothing is checked here: {@code KoscApi.createTicket} checks before sending. A
     * {@code diagnostic_run_id} key that is present with {@code null} counts as given.
     */
    public static CreateKoscTicketRequest fromJson(com.fasterxml.jackson.databind.JsonNode body) {
        Builder builder = builder();
        if (body.has("diagnostic_run_id")) {
            builder.diagnosticRunId(text(body.get("diagnostic_run_id")));
        }
        if (body.has("type")) {
            builder.type(text(body.get("type")));
        }
        builder.serviceUuid(text(body.get("service_uuid")))
                .operatorTicketRef(text(body.get("operator_ticket_ref")))
                .description(text(body.get("description")))
                .initialComment(text(body.get("initial_comment")))
                .category(text(body.get("category")))
                .priority(text(body.get("priority")));
        com.fasterxml.jackson.databind.JsonNode contact = body.get("owner_contact");
        if (contact != null && contact.isObject()) {
            builder.ownerContact(new KoscContact(text(contact.get("first_name")), text(contact.get("last_name")),
                    text(contact.get("email")), text(contact.get("phone_number"))));
        }
        return builder.build();
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The JSON body, keys in the document's order; {@code diagnostic_run_id} always present, other nulls left out. */
    public Map<String, Object> toWire() {
        return Json.mapper().convertValue(this, new TypeReference<Map<String, Object>>() { });
    }

    /** The JSON body as a tree, with {@code "diagnostic_run_id": null} written out: the bytes the SDK sends, as a tree. */
    public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
        return Json.mapper().valueToTree(this);
    }

    @Override
    public String toString() {
        return "CreateKoscTicketRequest[type=" + type + ", category=" + category + ", serviceUuid=" + serviceUuid
                + ", operatorTicketRef=" + operatorTicketRef + ", diagnosticRunId=" + diagnosticRunId + "]";
    }

    /** Builds a {@link CreateKoscTicketRequest}; {@code type} defaults to {@code service}. Nothing is checked here: {@code KoscApi.createTicket} checks before sending. */
    public static final class Builder {
        private String diagnosticRunId;
        private boolean diagnosticRunIdGiven;
        private String type = TYPE_SERVICE;
        private String serviceUuid;
        private String operatorTicketRef;
        private String description;
        private String initialComment;
        private TicketCategory category;
        private String priority;
        private KoscContact ownerContact;

        /** The diagnostic run; {@code null} or {@code ""} is allowed only for moving_otp, slamming and other. */
        public Builder diagnosticRunId(String value) { this.diagnosticRunId = value; this.diagnosticRunIdGiven = true; return this; }
        /** Sets {@code type}; Kosc documents {@code service} only, the default. */
        public Builder type(String value) { this.type = value; return this; }
        /** Sets {@code service_uuid}, the affected service. */
        public Builder serviceUuid(String value) { this.serviceUuid = value; return this; }
        /** Sets {@code operator_ticket_ref}, the operator's own reference for the ticket. */
        public Builder operatorTicketRef(String value) { this.operatorTicketRef = value; return this; }
        /** Sets {@code description}, the fault as the operator describes it. */
        public Builder description(String value) { this.description = value; return this; }
        /** Sets {@code initial_comment}, a first comment sent with the ticket. */
        public Builder initialComment(String value) { this.initialComment = value; return this; }
        /** Sets {@code category}, which decides the rules the create is checked against. */
        public Builder category(TicketCategory value) { this.category = value; return this; }
        /** Sets {@code category} by its wire name; a name this version does not know is kept as given. */
        public Builder category(String value) { this.category = TicketCategory.of(value); return this; }
        /** Sets {@code priority} as Kosc spells it. */
        public Builder priority(String value) { this.priority = value; return this; }
        /** Sets {@code owner_contact}, who Kosc should call about the fault. */
        public Builder ownerContact(KoscContact value) { this.ownerContact = value; return this; }

        /** Makes the request; {@code KoscApi.createTicket} checks it before sending. */
        public CreateKoscTicketRequest build() {
            return new CreateKoscTicketRequest(this);
        }
    }
}
