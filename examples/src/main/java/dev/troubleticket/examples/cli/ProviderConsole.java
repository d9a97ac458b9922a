package dev.troubleticket.examples.cli;

import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code ticketctl simulate}'s stdin: one command per line plays the provider's side of a ticket, so that a person can
 * walk it through its lifecycle from another shell with {@code ticketctl}. Each line gets one answer on stdout.
 *
 * <pre>
 * ask ID [TEXT]       the provider asks the operator for information (Kosc deferred, MasStack TO05, TMF pending)
 * resolve ID [TEXT]   the provider resolves the ticket (Kosc cleared, MasStack TO07, TMF resolved)
 * defer ID [TEXT]     Kosc: deferred with a question; Nexera: held
 * reject ID [TEXT]    Nexera: rejected
 * cancel ID [TEXT]    Kosc: canceled; MasStack: the provider asks to cancel; Nexera: cancelled
 * help                this list
 * </pre>
 */
final class ProviderConsole {
    static final String HELP = "provider commands: ask ID [TEXT], resolve ID [TEXT], defer ID [TEXT], reject ID [TEXT], "
            + "cancel ID [TEXT], help";

    private final ProviderSimulator simulator;
    private final PrintWriter out;

    ProviderConsole(ProviderSimulator simulator, PrintWriter out) {
        this.simulator = simulator;
        this.out = out;
    }

    /** Reads commands until the input ends. */
    void readAll(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                answer(execute(line.strip()));
            }
        }
    }

    /** Runs one command line; answers what to print. */
    String execute(String line) {
        String[] words = line.split("\\s+", 3);
        String verb = words[0].toLowerCase(Locale.ROOT);
        if (verb.equals("help")) {
            return HELP;
        }
        if (words.length < 2) {
            return "error: " + verb + " needs a ticket id; " + HELP;
        }
        String id = words[1];
        String text = words.length == 3 ? words[2] : null;
        try {
            return switch (verb) {
                case "ask" -> {
                    simulator.askForInformation(id, text != null ? text : "Please send the line test results.");
                    yield "ok: " + simulator.provider() + " asked for information on " + id;
                }
                case "resolve" -> {
                    simulator.resolve(id, text != null ? text : "Fault repaired.");
                    yield "ok: " + simulator.provider() + " resolved " + id + "; the operator may now close it";
                }
                case "defer" -> defer(id, text != null ? text : "Waiting for access to the site.");
                case "reject" -> reject(id, text != null ? text : "Not a fault of this network.");
                case "cancel" -> cancel(id, text != null ? text : "Raised in error.");
                default -> "error: unknown command '" + words[0] + "'; " + HELP;
            };
        } catch (RuntimeException e) {
            return "error: cannot " + verb + " " + id + ": " + ExitCodes.describe(e);
        }
    }

    private String defer(String id, String text) {
        if (simulator instanceof KoscSimulator kosc) {
            kosc.defer(id, text);
        } else if (simulator instanceof NexeraSimulator nexera) {
            nexera.hold(id, text);
        } else {
            return "error: " + simulator.provider() + " has no defer; use ask";
        }
        return "ok: " + simulator.provider() + " deferred " + id;
    }

    private String reject(String id, String text) {
        if (simulator instanceof NexeraSimulator nexera) {
            nexera.reject(id, text);
            return "ok: " + simulator.provider() + " rejected " + id;
        }
        return "error: " + simulator.provider() + " has no reject; use cancel";
    }

    private String cancel(String id, String text) {
        if (simulator instanceof KoscSimulator kosc) {
            kosc.cancel(id, text);
        } else if (simulator instanceof MasStackSimulator masstack) {
            masstack.requestCancellation(id, text);
        } else if (simulator instanceof NexeraSimulator nexera) {
            nexera.cancel(id, text);
        } else {
            return "error: " + simulator.provider() + " has no cancel";
        }
        return "ok: " + simulator.provider() + " cancelled " + id;
    }

    private void answer(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
