package dev.troubleticket.nexera.model;

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
    /** Columns per ticket type: POST and PATCH. */
    private static final int OPERATIONS = TicketOperation.values().length;

    private final List<String> ticketTypes;
    private final List<String> fields;
    /**
     * Each field's cells, indexed by {@link #cell}: every request is checked against each field, so a
     * lookup must not build a key (it was ~40 % of the SDK's own work on a create).
     */
    private final Map<String, Requirement[]> cells;
    /** Each column's requirements in the order of {@link #fields}, indexed by {@link #cell}. */
    private final List<Requirement>[] columns;

    @SuppressWarnings("unchecked")
    private RequirementMatrix(Builder b) {
        this.ticketTypes = List.copyOf(b.ticketTypes);
        Map<String, Requirement[]> copy = new LinkedHashMap<>();
        b.cells.forEach((field, row) -> copy.put(field, row.clone()));
        this.cells = Collections.unmodifiableMap(copy);
        this.fields = List.copyOf(copy.keySet());
        this.columns = new List[ticketTypes.size() * OPERATIONS];
        for (int cell = 0; cell < columns.length; cell++) {
            List<Requirement> column = new ArrayList<>(fields.size());
            for (String field : fields) {
                column.add(copy.get(field)[cell]);
            }
            columns[cell] = List.copyOf(column);
        }
    }

    /**
     * The requirement of every field of {@link #fields()}, in the same order, for a ticket type and
     * operation: what a check of a whole request walks, found once rather than field by field.
     */
    public List<Requirement> requirements(String ticketType, TicketOperation operation) {
        return columns[cell(columnIndex(ticketType), operation)];
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
        return fields;
    }

    /**
     * The requirement for a field; {@link Requirement#OPTIONAL} for fields the matrix does not name (a
     * generic TMF server's own extensions).
     */
    public Requirement requirement(String field, String ticketType, TicketOperation operation) {
        Requirement[] row = cells.get(field);
        return row == null ? Requirement.OPTIONAL : row[cell(columnIndex(ticketType), operation)];
    }

    /** The column set used for a ticket type: its own, or the default's. */
    public String columnFor(String ticketType) {
        return ticketTypes.get(columnIndex(ticketType));
    }

    /** The index of the ticket type's column set (case-insensitive), the default's ({@code 0}) when it has none. */
    private int columnIndex(String ticketType) {
        if (ticketType != null) {
            for (int i = 0; i < ticketTypes.size(); i++) {
                if (ticketTypes.get(i).equalsIgnoreCase(ticketType)) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** Where a column's cell is in a row: type 1 POST, type 1 PATCH, type 2 POST, ... as the document orders them. */
    private static int cell(int columnIndex, TicketOperation operation) {
        return columnIndex * OPERATIONS + operation.ordinal();
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
                    text.append(' ').append(row[cell(ticketTypes.indexOf(type), op)].code()).append(" |");
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
        private final Map<String, Requirement[]> cells = new LinkedHashMap<>();

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
            Requirement[] row = new Requirement[codes.length];
            for (int i = 0; i < codes.length; i++) {
                row[i] = Requirement.fromCode(codes[i]);
            }
            cells.put(path, row);
            return this;
        }

        /** Makes the matrix of the rules added. */
        public RequirementMatrix build() {
            return new RequirementMatrix(this);
        }
    }
}
