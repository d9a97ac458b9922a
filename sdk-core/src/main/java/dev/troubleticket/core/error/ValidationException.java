package dev.troubleticket.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request was refused because one or more of its fields break a rule.
 *
 * <p>Raised before anything is sent when the SDK can check the rule itself ({@link #reachedProvider()}
 * is then {@code false}), and after the provider refused the request when only the provider could
 * check it. In both cases every failing field is listed, not only the first.
 */
public class ValidationException extends TicketingException {
    private static final long serialVersionUID = 1L;

    /** Every field that failed, and why. */
    private final List<FieldViolation> violations;

    /** A refusal listing every failing field, with the provider's answer in {@code details} when it sent one. */
    public ValidationException(String message, List<FieldViolation> violations, ErrorDetails details) {
        super(message, details);
        this.violations = List.copyOf(violations);
    }

    /** A client-side refusal: nothing was sent. */
    public static ValidationException beforeSending(String provider, String what, List<FieldViolation> violations) {
        String summary = violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; "));
        return new ValidationException(what + " is invalid (" + violations.size() + " problem"
                + (violations.size() == 1 ? "" : "s") + "): " + summary, violations, ErrorDetails.none(provider));
    }

    /** Every field that failed, in the order the rules were checked. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
