package dev.troubleticket.nexera;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which fields a request may, must or must not carry, per ticket type and operation: the table of the
 * Nexera document ("Fields Description"). Fields are named by JSON path: {@code description} for a
 * top-level field, {@code note.text} for a field of each element of the {@code note} array.
 *
 * <p>Ticket types without a column of their own use the default column set (for Nexera, the
 * {@code Customer_Trouble_Ticket} columns), so that a generic TMF621 server's own types still get checked.
 */
public final class RequirementMatrix {
    private final List<String> ticketTypes;
    private final String defaultTicketType;
    private final Map<String, Map<String, Requirement>> cells;

    private RequirementMatrix(Builder b) {
        this.ticketTypes = List.copyOf(b.ticketTypes);
        this.defaultTicketType = b.ticketTypes.get(0);
        Map<String, Map<String, Requirement>> copy = new LinkedHashMap<>();
        b.cells.forEach((field, row) -> copy.put(field, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        this.cells = Collections.unmodifiableMap(copy);
    }

    /**
     * Starts a matrix whose columns are the given ticket types, each with a POST and a PATCH column; the
     * first type is the default for types without columns.
     */
    public static Builder builder(String... ticketTypes) {
        return new Builder(List.of(ticketTypes));
    }

    /** The ticket types with columns of their own. */
    public List<String> ticketTypes() {
        return ticketTypes;
    }

    /** The field paths the matrix names, in the document's order. */
    public List<String> fields() {
        return List.copyOf(cells.keySet());
    }

    /**
     * The requirement for a field; {@link Requirement#OPTIONAL} for fields the matrix does not name (a
     * generic TMF server's own extensions).
     */
    public Requirement requirement(String field, String ticketType, TicketOperation operation) {
        Map<String, Requirement> row = cells.get(field);
        if (row == null) {
            return Requirement.OPTIONAL;
        }
        Requirement cell = row.get(key(columnFor(ticketType), operation));
        return cell == null ? Requirement.OPTIONAL : cell;
    }

    /** The column set used for a ticket type: its own, or the default's. */
    public String columnFor(String ticketType) {
        if (ticketType != null) {
            for (String known : ticketTypes) {
                if (known.equalsIgnoreCase(ticketType)) {
                    return known;
                }
            }
        }
        return defaultTicketType;
    }

    private static String key(String ticketType, TicketOperation operation) {
        return ticketType + "/" + operation.method();
    }

    /** The matrix as a Markdown table (for the README and for error messages). */
    public String toMarkdown() {
        StringBuilder text = new StringBuilder("| field |");
        for (String type : ticketTypes) {
            text.append(' ').append(type).append(" POST | ").append(type).append(" PATCH |");
        }
        text.append("\n|---|");
        text.append("---|".repeat(ticketTypes.size() * 2)).append('\n');
        cells.forEach((field, row) -> {
            text.append("| `").append(field).append("` |");
            for (String type : ticketTypes) {
                for (TicketOperation op : TicketOperation.values()) {
                    Requirement r = row.get(key(type, op));
                    text.append(' ').append(r == null ? "O" : r.code()).append(" |");
                }
            }
            text.append('\n');
        });
        return text.toString();
    }

    @Override
    public String toString() {
        return "RequirementMatrix[ticketTypes=" + ticketTypes + ", fields=" + cells.size() + "]";
    }

    /** Builds a {@link RequirementMatrix} row by row. */
    public static final class Builder {
        private final List<String> ticketTypes;
        private final Map<String, Map<String, Requirement>> cells = new LinkedHashMap<>();

        private Builder(List<String> ticketTypes) {
            if (ticketTypes.isEmpty()) {
                throw new IllegalArgumentException("a matrix needs at least one ticket type");
            }
            this.ticketTypes = new ArrayList<>(ticketTypes);
        }

        /**
         * Adds a row: one code per column, in the order (type 1 POST, type 1 PATCH, type 2 POST, ...), as
         * the document writes them ({@code "R", "O", "P", "PD"}).
         */
        public Builder field(String path, String... codes) {
            Objects.requireNonNull(path, "path");
            if (codes.length != ticketTypes.size() * 2) {
                throw new IllegalArgumentException("field " + path + " needs " + ticketTypes.size() * 2 + " codes, got "
                        + codes.length);
            }
            Map<String, Requirement> row = new LinkedHashMap<>();
            int i = 0;
            for (String type : ticketTypes) {
                for (TicketOperation op : TicketOperation.values()) {
                    row.put(key(type, op), Requirement.fromCode(codes[i++]));
                }
            }
            cells.put(path, row);
            return this;
        }

        public RequirementMatrix build() {
            return new RequirementMatrix(this);
        }
    }
}
