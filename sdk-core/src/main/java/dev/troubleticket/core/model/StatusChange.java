package dev.troubleticket.core.model;

/**
 * An operator's request to move a ticket to another status, optionally with a comment.
 *
 * <p>The target is named either neutrally ({@link #to(TicketStatus)}) or in the provider's own words
 * ({@link #toProviderStatus(String)}: a Kosc status, a MasStack transaction such as {@code TU09}, a TMF
 * status). Adapters refuse a change their provider's rules forbid before anything is sent.
 *
 * @param target         the neutral target, or {@code null} when only a provider name is given
 * @param providerTarget the provider's own status or action name, or {@code null}
 * @param comment        text to send with the change, or {@code null}
 * @param closeOutCode   a resolution code where the provider needs one when closing (MasStack {@code closeOutType}), or {@code null}
 */
public record StatusChange(TicketStatus target, String providerTarget, String comment, String closeOutCode) {

    /** Refuses a change with neither a neutral nor a provider target. */
    public StatusChange {
        if (target == null && (providerTarget == null || providerTarget.isBlank())) {
            throw new IllegalArgumentException("a status change needs a neutral or a provider target");
        }
    }

    /** A change to a neutral status. */
    public static StatusChange to(TicketStatus target) {
        return new StatusChange(target, null, null, null);
    }

    /**
     * A change named by text: a neutral status name if it is one, otherwise the provider's own name.
     */
    public static StatusChange parse(String text) {
        TicketStatus neutral = TicketStatus.fromName(text);
        return neutral != null && neutral != TicketStatus.UNKNOWN ? to(neutral) : toProviderStatus(text);
    }

    /** A change named in the provider's own words. */
    public static StatusChange toProviderStatus(String providerTarget) {
        return new StatusChange(null, providerTarget, null, null);
    }

    /** The same change with a comment. */
    public StatusChange withComment(String text) {
        return new StatusChange(target, providerTarget, text, closeOutCode);
    }

    /** The same change with a resolution code. */
    public StatusChange withCloseOutCode(String code) {
        return new StatusChange(target, providerTarget, comment, code);
    }

    /** The target as text, for messages: the provider name if given, else the neutral one. */
    public String describeTarget() {
        return providerTarget != null ? providerTarget : target.name();
    }
}
