package dev.troubleticket.masstack.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * MasStack's transaction table as data: for each transaction, the states it may start from and the
 * state it leads to. The SDK checks every operator transaction against it before sending, and the
 * subscription ({@code MasStackClient.subscribe}) uses it to name the territory owner's transaction behind a
 * change of state.
 *
 * <p>The document gives each transaction's resulting state; the states it starts from follow from the
 * state-flow (a cancellation is answered from {@code DEFERRED.AWAITING-CANCELATION}, a resolution from
 * {@code CLEARED}, and so on). States are compared as {@link TroubleTicketState#is} compares them, so that a state
 * written in another case still finds its row. The document is cut after TU10, which this table allows from every state
 * that is not final and which leaves the state unchanged. See the module README.
 */
public final class TransactionTable {

    /**
     * One row of the table.
     *
     * @param transaction the transaction
     * @param from        the states it may start from (empty for the create, TU01)
     * @param to          the state it leads to, or {@code null} when it leaves the state unchanged (TU10)
     */
    public record Row(Transaction transaction, Set<TroubleTicketState> from, TroubleTicketState to) {
        /** Refuses a row without its transaction; copies the states it starts from. */
        public Row {
            Objects.requireNonNull(transaction, "transaction");
            from = Set.copyOf(from);
        }

        /**
         * The state after the transaction, starting from {@code current}: for one that leaves the state unchanged, the
         * documented state {@code current} names (its own text when it names none).
         */
        public TroubleTicketState resultingState(TroubleTicketState current) {
            if (to != null) {
                return to;
            }
            TroubleTicketState known = current == null ? null : current.canonical();
            return known != null ? known : current;
        }

        /** Whether the transaction may start from {@code state}, compared as {@link TroubleTicketState#is} does. */
        public boolean startsFrom(TroubleTicketState state) {
            TroubleTicketState known = state == null ? null : state.canonical();
            return known != null && from.contains(known);
        }
    }

    private static final Set<TroubleTicketState> NOT_FINAL = Set.of(TroubleTicketState.OPENACTIVE,
            TroubleTicketState.AWAITING_CANCELATION, TroubleTicketState.AWAITING_INFORMATION, TroubleTicketState.CLEARED);

    private static final TransactionTable STANDARD = new TransactionTable(List.of(
            new Row(Transaction.TU01, Set.of(), TroubleTicketState.OPENACTIVE),
            new Row(Transaction.TO02, Set.of(TroubleTicketState.OPENACTIVE), TroubleTicketState.AWAITING_CANCELATION),
            new Row(Transaction.TU03, Set.of(TroubleTicketState.AWAITING_CANCELATION), TroubleTicketState.CANCELED),
            new Row(Transaction.TU04, Set.of(TroubleTicketState.AWAITING_CANCELATION), TroubleTicketState.OPENACTIVE),
            new Row(Transaction.TO05, Set.of(TroubleTicketState.OPENACTIVE), TroubleTicketState.AWAITING_INFORMATION),
            new Row(Transaction.TU06, Set.of(TroubleTicketState.AWAITING_INFORMATION), TroubleTicketState.OPENACTIVE),
            new Row(Transaction.TO07, Set.of(TroubleTicketState.OPENACTIVE), TroubleTicketState.CLEARED),
            new Row(Transaction.TU08, Set.of(TroubleTicketState.CLEARED), TroubleTicketState.OPENACTIVE),
            new Row(Transaction.TU09, Set.of(TroubleTicketState.CLEARED), TroubleTicketState.CLOSED),
            new Row(Transaction.TU10, NOT_FINAL, null)));

    private final List<Row> rows;

    private TransactionTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The table of the document. */
    public static TransactionTable standard() {
        return STANDARD;
    }

    /** Every row, in the document's order. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of a transaction. */
    public Row row(Transaction transaction) {
        for (Row row : rows) {
            if (row.transaction() == transaction) {
                return row;
            }
        }
        throw new IllegalStateException("no row for " + transaction);
    }

    /** Whether the transaction may be made from {@code state}. */
    public boolean isAllowed(Transaction transaction, TroubleTicketState state) {
        return row(transaction).startsFrom(state);
    }

    /** The transactions {@code role} may make from {@code state}, in the table's order. */
    public List<Transaction> allowed(Transaction.Role role, TroubleTicketState state) {
        List<Transaction> allowed = new ArrayList<>();
        for (Row row : rows) {
            if (row.transaction().role() == role && row.startsFrom(state)) {
                allowed.add(row.transaction());
            }
        }
        return allowed;
    }

    /**
     * The transaction that leads from one state to another, if the table has one. A change of state is
     * never TU10; an unchanged state with new information is.
     */
    public Optional<Transaction> between(TroubleTicketState from, TroubleTicketState to) {
        for (Row row : rows) {
            if (row.to() != null && row.startsFrom(from) && row.to().is(to)) {
                return Optional.of(row.transaction());
            }
        }
        return from != null && from.is(to) && row(Transaction.TU10).startsFrom(from)
                ? Optional.of(Transaction.TU10) : Optional.empty();
    }

    @Override
    public String toString() {
        return "TransactionTable" + rows;
    }
}
