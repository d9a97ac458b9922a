package dev.troubleticket.core.error;

/**
 * The provider's API has no such operation (for example listing tickets at MasStack). Ask
 * {@code TicketingClient.capabilities()} first to avoid it.
 */
public class UnsupportedCapabilityException extends TicketingException {
    private static final long serialVersionUID = 1L;

    /** A refusal naming the provider and the capability it lacks. */
    public UnsupportedCapabilityException(String provider, String capability) {
        super(provider + " does not support " + capability, ErrorDetails.none(provider));
    }
}
