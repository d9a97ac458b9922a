package dev.troubleticket.examples.cli;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for a mistyped name: the closest known one, if it is close enough to be the one meant. */
final class Suggestions {
    private Suggestions() {
    }

    /** The known name closest to {@code typed} (case aside, at most two or three edits away), or {@code null}. */
    static String closest(String typed, Collection<String> known) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        int limit = wanted.length() <= 4 ? 1 : wanted.length() <= 10 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int distance = distance(wanted, name.toLowerCase(Locale.ROOT));
            if (distance <= limit && distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The number of single-character insertions, deletions and substitutions from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
