package dev.troubleticket.examples.cli;

import java.util.List;

/** Renders rows as a plain-text table with columns as wide as their widest cell. */
public final class Table {
    private Table() {
    }

    /** The table as text, a line per row, header first. */
    public static String render(String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row[i]).length());
            }
        }
        StringBuilder text = new StringBuilder();
        append(text, header, widths);
        for (String[] row : rows) {
            append(text, row, widths);
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String value = i < row.length ? cell(row[i]) : "";
            line.append(value).append(" ".repeat(widths[i] - value.length()));
            if (i < widths.length - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String cell(String value) {
        return value == null ? "" : value;
    }
}
