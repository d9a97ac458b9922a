package dev.troubleticket.testkit.masstack;

import java.util.List;
import java.util.Set;

/** MasStack's ticket states and the operator's rows of the transaction table, as the simulator enforces them. */
final class States {
    static final String OPENACTIVE = "OPENACTIVE";
    static final String AWAITING_CANCELATION = "DEFERRED.AWAITING-CANCELATION";
    static final String AWAITING_INFORMATION = "DEFERRED.AWAITING-INFORMATION";
    static final String CLEARED = "CLEARED";
    static final String CLOSED = "CLOSED";
    static final String CANCELED = "CLOSED.CANCELED";
    static final Set<String> NOT_FINAL = Set.of(OPENACTIVE, AWAITING_CANCELATION, AWAITING_INFORMATION, CLEARED);

    /** One operator row of the transaction table. */
    private record Row(String code, Set<String> from, String to) {
    }

    /** The operator's rows, written from the document; TU10 (no change of state) is handled apart. */
    private static final List<Row> OPERATOR_TRANSACTIONS = List.of(
            new Row("TU03", Set.of(AWAITING_CANCELATION), CANCELED),
            new Row("TU04", Set.of(AWAITING_CANCELATION), OPENACTIVE),
            new Row("TU06", Set.of(AWAITING_INFORMATION), OPENACTIVE),
            new Row("TU08", Set.of(CLEARED), OPENACTIVE),
            new Row("TU09", Set.of(CLEARED), CLOSED));

    /** The operator transaction from one state to another, or {@code null} when the table has none. */
    static String transactionFor(String from, String to) {
        if (from.equals(to)) {
            return NOT_FINAL.contains(from) ? "TU10" : null;
        }
        for (Row row : OPERATOR_TRANSACTIONS) {
            if (row.from().contains(from) && row.to().equals(to)) {
                return row.code();
            }
        }
        return null;
    }

    private States() {
    }
}
