package dev.troubleticket.masstack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * The issue type ({@code wh1Parameter}): whether the fault affects one client or the network.
 *
 * <p>The document describes the field as "client | network", lists the values {@code cliente} and
 * {@code red} (Spanish), and its answers show {@code "Red"} and {@code "Incidencia Mutualizada"}. So the
 * text is kept exactly as written ({@link #wireValue()}) and classified into a {@link Kind}: Spanish and
 * English spellings of client and network are recognised in any case; anything else is {@link Kind#OTHER}.
 * New requests send {@link #CLIENT} as {@code cliente} and {@link #NETWORK} as {@code red}, the document's
 * own enumeration; {@link #of(String)} sends any other spelling a deployment may want.
 *
 * @param wireValue the text sent or received
 */
public record IssueType(String wireValue) {
    /** A fault of one client's line ({@code cliente}): {@code homeId} is then required. */
    public static final IssueType CLIENT = new IssueType("cliente");
    /** A network fault ({@code red}). */
    public static final IssueType NETWORK = new IssueType("red");

    /** What the issue type means. */
    public enum Kind {
        /** One client's line. */
        CLIENT,
        /** The network. */
        NETWORK,
        /** A value the document does not enumerate, such as {@code Incidencia Mutualizada}. */
        OTHER
    }

    public IssueType {
        Objects.requireNonNull(wireValue, "wireValue");
    }

    /** The issue type for a text as written; {@code null} stays {@code null}. */
    @JsonCreator
    public static IssueType of(String text) {
        return text == null ? null : new IssueType(text);
    }

    /** What the text means. */
    public Kind kind() {
        switch (wireValue.trim().toLowerCase(Locale.ROOT)) {
            case "cliente":
            case "client":
                return Kind.CLIENT;
            case "red":
            case "network":
                return Kind.NETWORK;
            default:
                return Kind.OTHER;
        }
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
