package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingProvider;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warns on stderr about an adapter setting ({@code --setting}, a profile's {@code setting.NAME}) that the provider's
 * adapter does not read, most often a typing mistake that would otherwise go unnoticed. A warning, not an error: an
 * adapter that names no keys ({@link TicketingProvider#settingKeys()} empty) is taken to read them all.
 */
final class UnknownSettings {
    private UnknownSettings() {
    }

    /** Prints one line per key of {@code given} that the adapter of {@code provider} does not read. */
    static void warn(String provider, Collection<String> given, PrintWriter err) {
        if (given.isEmpty()) {
            return;
        }
        Set<String> known = known(provider);
        if (known.isEmpty()) {
            return;
        }
        for (String key : given) {
            if (!known.contains(key)) {
                String close = Suggestions.closest(key, known);
                err.println("ticketctl: warning: unknown setting '" + key + "' for " + provider
                        + (close == null ? "" : " (did you mean '" + close + "'?)") + "; known: " + String.join(", ", known));
            }
        }
        err.flush();
    }

    /** The keys the provider's adapter reads, sorted; empty when it does not say or is not on the class path. */
    static Set<String> known(String provider) {
        for (TicketingProvider adapter : ServiceLoader.load(TicketingProvider.class)) {
            if (adapter.id().equalsIgnoreCase(provider)) {
                return new TreeSet<>(adapter.settingKeys());
            }
        }
        return Set.of();
    }
}
