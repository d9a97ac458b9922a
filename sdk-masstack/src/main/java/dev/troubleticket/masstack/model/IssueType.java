package dev.troubleticket.masstack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * The issue type ({@code wh1Parameter}): whether the fault affects one client or the network.
 *
 * <p>The document describes the field as "client | network", lists the values {@code cliente} and
 * {@code red} (Spanish), and its answers show {@code "Red"} and {@code "Incidencia Mutualizada"}. So, as every
 * {@link OpenValue}, the text is kept exactly as written ({@link #value()}), and it names {@link #CLIENT} or
 * {@link #NETWORK} when it is one of the document's spellings of them, Spanish or English, ignoring case and
 * surrounding blanks; anything else is not {@link #isKnown() known}. New requests send {@link #CLIENT} as
 * {@code cliente} and {@link #NETWORK} as {@code red}, the document's own enumeration; {@link #of(String)} sends
 * any other spelling a deployment may want.
 *
 * @param value the text sent or received
 */
public record IssueType(String value) implements OpenValue {
    /** A fault of one client's line ({@code cliente}): {@code homeId} is then required. */
    public static final IssueType CLIENT = new IssueType("cliente");
    /** A network fault ({@code red}). */
    public static final IssueType NETWORK = new IssueType("red");

    private static final List<IssueType> KNOWN = List.of(CLIENT, NETWORK);

    /** Refuses an issue type without text. */
    public IssueType {
        Objects.requireNonNull(value, "value");
    }

    /** The issue type for a text as written; {@code null} stays {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IssueType of(String text) {
        return text == null ? null : new IssueType(text);
    }

    /** The documented issue types, in the document's order. */
    public static List<IssueType> knownValues() {
        return KNOWN;
    }

    /** Whether this names client or network. */
    public boolean isKnown() {
        return canonical() != null;
    }

    /**
     * {@link #CLIENT} for {@code cliente} or {@code client}, {@link #NETWORK} for {@code red} or {@code network}
     * (ignoring case and surrounding blanks), else {@code null}.
     */
    public IssueType canonical() {
        if (OpenValue.same(value, CLIENT.value) || OpenValue.same(value, "client")) {
            return CLIENT;
        }
        if (OpenValue.same(value, NETWORK.value) || OpenValue.same(value, "network")) {
            return NETWORK;
        }
        return null;
    }

    /** Whether this names the same issue type as {@code other}: both client, both network, or the same text. */
    public boolean is(IssueType other) {
        if (other == null) {
            return false;
        }
        IssueType mine = canonical();
        return mine != null ? mine == other.canonical() : sameValueAs(other);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
