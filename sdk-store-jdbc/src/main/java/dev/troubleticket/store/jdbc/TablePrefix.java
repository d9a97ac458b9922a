package dev.troubleticket.store.jdbc;

import java.util.regex.Pattern;

/**
 * The prefix of the store's table names, validated so that it can be put into SQL text as it is (table names cannot
 * be bound as parameters): lower-case letters, digits and underscores, starting with a letter or an underscore.
 */
final class TablePrefix {
    /** The prefix used when none is given. */
    static final String DEFAULT = "troubleticket_";
    /** Leaves room for the longest table and index name within PostgreSQL's 63 characters. */
    static final int MAX_LENGTH = 40;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String value;

    private TablePrefix(String value) {
        this.value = value;
    }

    static TablePrefix of(String prefix) {
        if (prefix == null || prefix.length() > MAX_LENGTH || !IDENTIFIER.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix " + (prefix == null ? "null" : "'" + prefix + "'")
                    + " is not usable: it must be 1 to " + MAX_LENGTH + " lower-case letters, digits or underscores, "
                    + "starting with a letter or an underscore (for example '" + DEFAULT + "')");
        }
        return new TablePrefix(prefix);
    }

    /** {@code sql} with every {@code ${prefix}} replaced, as Flyway replaces its placeholders. */
    String substitute(String sql) {
        return sql.replace("${prefix}", value);
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
