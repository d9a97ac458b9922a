package dev.troubleticket.masstack.internal;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.masstack.model.MasStackAttachment;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Collects every broken rule of a request, so that the caller hears of all of them at once. */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    /** Records a violation. */
    public Violations add(String field, String message) {
        found.add(new FieldViolation(field, message));
        return this;
    }

    /** The field must be present and not blank. Answers whether it is. */
    public boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    /** The field, when present, must not be longer than {@code max} characters. */
    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "is " + value.length() + " characters long; at most " + max + " are allowed");
        }
    }

    /** Required and at most {@code max} characters. */
    public void requiredMax(String field, String value, int max) {
        if (required(field, value)) {
            maxLength(field, value, max);
        }
    }

    /** The field, when present, must be an RFC 3339 date-time with an offset ({@code 2025-01-15T10:30:00Z}). */
    public void dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!Timestamp.isOffsetDateTime(value)) {
            add(field, "'" + value + "' is not a date-time such as 2025-01-15T10:30:00Z");
        }
    }

    /** Each attachment needs base64 content, a media type and a name. */
    public void attachments(String field, List<MasStackAttachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            MasStackAttachment attachment = attachments.get(i);
            String prefix = field + "[" + i + "].";
            if (attachment == null) {
                add(field + "[" + i + "]", "must not be null");
                continue;
            }
            if (required(prefix + "content", attachment.content())) {
                try {
                    Base64.getDecoder().decode(attachment.content());
                } catch (IllegalArgumentException e) {
                    add(prefix + "content", "is not base64");
                }
            }
            required(prefix + "mimeType", attachment.mimeType());
            required(prefix + "name", attachment.name());
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    /** Throws a {@link ValidationException} listing every violation, if there is any. */
    public void throwIfAny(String what) {
        if (!found.isEmpty()) {
            throw ValidationException.beforeSending("masstack", what, found);
        }
    }
}
