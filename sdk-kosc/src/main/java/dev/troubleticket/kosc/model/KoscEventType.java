package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * The type of an event of Kosc's account-wide feed ({@code /api/events/}): order and service events.
 *
 * <p>String-backed rather than an enum, so that a value this SDK version does not know is kept as
 * received ({@link #isKnown()} is then {@code false}) instead of failing the whole answer. Compared by
 * {@link OpenValue}'s rule: {@link #is} and {@link #canonical()} ignore case and surrounding blanks, while
 * {@link #value()} keeps the text as received.
 *
 * @param value the provider's text, exactly as received
 */
public record KoscEventType(String value) implements OpenValue {
    /** {@code order-submitted}. */
    public static final KoscEventType ORDER_SUBMITTED = new KoscEventType("order-submitted");
    /** {@code order-dropped}. */
    public static final KoscEventType ORDER_DROPPED = new KoscEventType("order-dropped");
    /** {@code order-acknowledged}. */
    public static final KoscEventType ORDER_ACKNOWLEDGED = new KoscEventType("order-acknowledged");
    /** {@code order-running}. */
    public static final KoscEventType ORDER_RUNNING = new KoscEventType("order-running");
    /** {@code order-rejected}. */
    public static final KoscEventType ORDER_REJECTED = new KoscEventType("order-rejected");
    /** {@code order-localloop-saturation}. */
    public static final KoscEventType ORDER_LOCALLOOP_SATURATION = new KoscEventType("order-localloop-saturation");
    /** {@code order-localloop-desaturation-planned}. */
    public static final KoscEventType ORDER_LOCALLOOP_DESATURATION_PLANNED = new KoscEventType("order-localloop-desaturation-planned");
    /** {@code order-localloop-desaturation-quote-emitted}. */
    public static final KoscEventType ORDER_LOCALLOOP_DESATURATION_QUOTE_EMITTED = new KoscEventType("order-localloop-desaturation-quote-emitted");
    /** {@code order-localloop-desaturation-quote-accepted}. */
    public static final KoscEventType ORDER_LOCALLOOP_DESATURATION_QUOTE_ACCEPTED = new KoscEventType("order-localloop-desaturation-quote-accepted");
    /** {@code order-network-saturation}. */
    public static final KoscEventType ORDER_NETWORK_SATURATION = new KoscEventType("order-network-saturation");
    /** {@code order-network-desaturation-planned}. */
    public static final KoscEventType ORDER_NETWORK_DESATURATION_PLANNED = new KoscEventType("order-network-desaturation-planned");
    /** {@code order-requalified}. */
    public static final KoscEventType ORDER_REQUALIFIED = new KoscEventType("order-requalified");
    /** {@code order-appointment-confirmed}. */
    public static final KoscEventType ORDER_APPOINTMENT_CONFIRMED = new KoscEventType("order-appointment-confirmed");
    /** {@code order-appointment-declined}. */
    public static final KoscEventType ORDER_APPOINTMENT_DECLINED = new KoscEventType("order-appointment-declined");
    /** {@code order-appointment-missed}. */
    public static final KoscEventType ORDER_APPOINTMENT_MISSED = new KoscEventType("order-appointment-missed");
    /** {@code order-appointment-agreed}. */
    public static final KoscEventType ORDER_APPOINTMENT_AGREED = new KoscEventType("order-appointment-agreed");
    /** {@code order-appointment-deferred}. */
    public static final KoscEventType ORDER_APPOINTMENT_DEFERRED = new KoscEventType("order-appointment-deferred");
    /** {@code order-sensibleaccess}. */
    public static final KoscEventType ORDER_SENSIBLEACCESS = new KoscEventType("order-sensibleaccess");
    /** {@code order-sensibleaccess-orderconfirmed}. */
    public static final KoscEventType ORDER_SENSIBLEACCESS_ORDERCONFIRMED = new KoscEventType("order-sensibleaccess-orderconfirmed");
    /** {@code order-delayed}. */
    public static final KoscEventType ORDER_DELAYED = new KoscEventType("order-delayed");
    /** {@code order-delayed-orderconfirmed}. */
    public static final KoscEventType ORDER_DELAYED_ORDERCONFIRMED = new KoscEventType("order-delayed-orderconfirmed");
    /** {@code order-information-from-provider}. */
    public static final KoscEventType ORDER_INFORMATION_FROM_PROVIDER = new KoscEventType("order-information-from-provider");
    /** {@code order-on-site-intervention-succeeded}. */
    public static final KoscEventType ORDER_ON_SITE_INTERVENTION_SUCCEEDED = new KoscEventType("order-on-site-intervention-succeeded");
    /** {@code order-on-site-intervention-failed}. */
    public static final KoscEventType ORDER_ON_SITE_INTERVENTION_FAILED = new KoscEventType("order-on-site-intervention-failed");
    /** {@code order-cancelled}. */
    public static final KoscEventType ORDER_CANCELLED = new KoscEventType("order-cancelled");
    /** {@code order-info}. */
    public static final KoscEventType ORDER_INFO = new KoscEventType("order-info");
    /** {@code order-completed}. */
    public static final KoscEventType ORDER_COMPLETED = new KoscEventType("order-completed");
    /** {@code cri}. */
    public static final KoscEventType CRI = new KoscEventType("cri");
    /** {@code service-activated}. */
    public static final KoscEventType SERVICE_ACTIVATED = new KoscEventType("service-activated");
    /** {@code service-terminated}. */
    public static final KoscEventType SERVICE_TERMINATED = new KoscEventType("service-terminated");
    /** {@code service-modified}. */
    public static final KoscEventType SERVICE_MODIFIED = new KoscEventType("service-modified");
    /** {@code service-slammed}. */
    public static final KoscEventType SERVICE_SLAMMED = new KoscEventType("service-slammed");
    /** {@code service-updated}. */
    public static final KoscEventType SERVICE_UPDATED = new KoscEventType("service-updated");
    /** {@code service-info}. */
    public static final KoscEventType SERVICE_INFO = new KoscEventType("service-info");

    private static final List<KoscEventType> KNOWN = List.of(ORDER_SUBMITTED, ORDER_DROPPED, ORDER_ACKNOWLEDGED, ORDER_RUNNING, ORDER_REJECTED, ORDER_LOCALLOOP_SATURATION, ORDER_LOCALLOOP_DESATURATION_PLANNED, ORDER_LOCALLOOP_DESATURATION_QUOTE_EMITTED, ORDER_LOCALLOOP_DESATURATION_QUOTE_ACCEPTED, ORDER_NETWORK_SATURATION, ORDER_NETWORK_DESATURATION_PLANNED, ORDER_REQUALIFIED, ORDER_APPOINTMENT_CONFIRMED, ORDER_APPOINTMENT_DECLINED, ORDER_APPOINTMENT_MISSED, ORDER_APPOINTMENT_AGREED, ORDER_APPOINTMENT_DEFERRED, ORDER_SENSIBLEACCESS, ORDER_SENSIBLEACCESS_ORDERCONFIRMED, ORDER_DELAYED, ORDER_DELAYED_ORDERCONFIRMED, ORDER_INFORMATION_FROM_PROVIDER, ORDER_ON_SITE_INTERVENTION_SUCCEEDED, ORDER_ON_SITE_INTERVENTION_FAILED, ORDER_CANCELLED, ORDER_INFO, ORDER_COMPLETED, CRI, SERVICE_ACTIVATED, SERVICE_TERMINATED, SERVICE_MODIFIED, SERVICE_SLAMMED, SERVICE_UPDATED, SERVICE_INFO);

    /** Refuses a type without text. */
    public KoscEventType {
        Objects.requireNonNull(value, "value");
    }

    /** The value for the provider's text; {@code null} stays {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KoscEventType of(String value) {
        return value == null ? null : new KoscEventType(value);
    }

    /** The provider's text. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The documented values, in the document's order. */
    public static List<KoscEventType> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names (ignoring case and surrounding blanks), or {@code null} when unknown. */
    public KoscEventType canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other} (ignoring case and surrounding blanks). */
    public boolean is(KoscEventType other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
