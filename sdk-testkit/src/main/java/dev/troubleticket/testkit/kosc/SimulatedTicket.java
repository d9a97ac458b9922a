package dev.troubleticket.testkit.kosc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One ticket's state on the simulated side, and its events. */
final class SimulatedTicket {
    long id;
    String uuid;
    String alias;
    Instant created;
    Instant modified;
    String status;
    String category;
    String priority;
    String reference;
    String description;
    String serviceUuid;
    String serviceAlias;
    String diagnosticRun;
    /** The number Kosc answers as {@code diagnostic_run_id} for {@link #diagnosticRun}, or {@code null}. */
    Long diagnosticNumber;
    String initialComment;
    String lastComment;
    String lastCommentAuthor;
    ObjectNode contact;
    String lastUpdateAuthor;
    String clearCode;
    String responsibility;
    final List<Event> events = new ArrayList<>();

    /** Whether events may still be added (closed and canceled tickets take none). */
    boolean isOpen() {
        return !status.equals("closed") && !status.equals("canceled");
    }

    /** One event of a ticket. */
    record Event(long id, String status, String comment, String author, Instant created, String clearCode,
                 String responsibility) {
    }
}
