package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why Kosc cleared a ticket (the document's clear code list), with the party the document makes
 * responsible for it.
 *
 * <p>String-backed, so that a code this SDK version does not know is kept as received ({@link #isKnown()} is
 * then {@code false}). Compared by {@link OpenValue}'s rule: {@link #is} and {@link #canonical()} ignore case and
 * surrounding blanks, while {@link #value()} keeps the text as received.
 *
 * @param value the provider's text, exactly as received
 */
public record ClearCode(String value) implements OpenValue {
    /** Physical disconnection of the link or an alignment fault (Covage's responsibility). */
    public static final ClearCode SYNCHRONIZATION = new ClearCode("synchronization");
    /** A defective or unconnected client modem (the customer's responsibility). */
    public static final ClearCode MODEM = new ClearCode("modem");
    /** Spelt with two n's by Kosc. */
    public static final ClearCode PROVISIONNING = new ClearCode("provisionning");
    /** The client's login or password configured wrongly (the customer's responsibility). */
    public static final ClearCode AUTHENTICATION_CUST = new ClearCode("authentication_cust");
    /** A Radius or router problem (Covage's responsibility). */
    public static final ClearCode AUTHENTICATION_KOSC = new ClearCode("authentication_kosc");
    /** Line quality degraded, limiting throughput or losing packets (Covage's responsibility). */
    public static final ClearCode THROUGHPUT_PACKET_LOSS = new ClearCode("throughput_packet_loss");
    /** A DSLAM, switch or router disconnected (Covage's responsibility). */
    public static final ClearCode MAJOR_NETWORK_INCIDENT = new ClearCode("major_network_incident");
    /** The ticket cancelled by the customer (Kosc's spelling, one l). */
    public static final ClearCode TICKET_CANCELATION_CUST = new ClearCode("ticket_cancelation_cust");
    /** Another reason, the customer's responsibility. */
    public static final ClearCode OTHER_CUST = new ClearCode("other_cust");
    /** Another reason, Kosc's responsibility. */
    public static final ClearCode OTHER_KOSC = new ClearCode("other_kosc");

    private static final Map<ClearCode, Responsibility> RESPONSIBLE = new LinkedHashMap<>();

    static {
        RESPONSIBLE.put(SYNCHRONIZATION, Responsibility.COVAGE);
        RESPONSIBLE.put(MODEM, Responsibility.CUSTOMER);
        RESPONSIBLE.put(PROVISIONNING, Responsibility.COVAGE);
        RESPONSIBLE.put(AUTHENTICATION_CUST, Responsibility.CUSTOMER);
        RESPONSIBLE.put(AUTHENTICATION_KOSC, Responsibility.COVAGE);
        RESPONSIBLE.put(THROUGHPUT_PACKET_LOSS, Responsibility.COVAGE);
        RESPONSIBLE.put(MAJOR_NETWORK_INCIDENT, Responsibility.COVAGE);
        RESPONSIBLE.put(TICKET_CANCELATION_CUST, Responsibility.CUSTOMER);
        RESPONSIBLE.put(OTHER_CUST, Responsibility.CUSTOMER);
        RESPONSIBLE.put(OTHER_KOSC, Responsibility.COVAGE);
    }

    private static final List<ClearCode> KNOWN = List.copyOf(RESPONSIBLE.keySet());

    /** Refuses a code without text. */
    public ClearCode {
        Objects.requireNonNull(value, "value");
    }

    /** The code for the provider's text; {@code null} stays {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClearCode of(String value) {
        return value == null ? null : new ClearCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The documented values, in the document's order. */
    public static List<ClearCode> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names (ignoring case and surrounding blanks), or {@code null} when unknown. */
    public ClearCode canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other} (ignoring case and surrounding blanks). */
    public boolean is(ClearCode other) {
        return sameValueAs(other);
    }

    /** The party the document makes responsible for this code, or {@code null} for an unknown code. */
    public Responsibility documentedResponsibility() {
        return RESPONSIBLE.get(canonical());
    }

    @Override
    public String toString() {
        return value;
    }
}
