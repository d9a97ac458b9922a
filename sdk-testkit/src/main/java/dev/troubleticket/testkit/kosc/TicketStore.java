package dev.troubleticket.testkit.kosc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * The simulated tickets: opening one (id, alias, uuid, its {@code open} event), finding one by id, alias or uuid,
 * and the ticket list ({@code GET /api/tickets/}): most recently modified first, by status, paged with the
 * {@code sort_value} cursor. Not thread-safe: the simulator calls it under its lock.
 */
final class TicketStore {
    private static final DateTimeFormatter ALIAS_DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
    private static final Pattern CURSOR = Pattern.compile("p=([^&]+)&i=(\\d+)");

    private final SimulatorClock clock;
    private final Map<Long, SimulatedTicket> tickets = new LinkedHashMap<>();
    /** Each ticket under its id, alias and uuid, so that a look-up costs the same with 10 tickets or 10,000. */
    private final Map<String, SimulatedTicket> byKey = new HashMap<>();
    private final Map<String, Long> diagnosticNumbers = new HashMap<>();
    private long nextTicketId = 989;
    private long nextEventId = 3783;
    private int created;

    TicketStore(SimulatorClock clock) {
        this.clock = clock;
    }

    /** How many tickets were opened. */
    int created() {
        return created;
    }

    /** The next ticket event id. */
    long nextEventId() {
        return nextEventId++;
    }

    SimulatedTicket find(String key) {
        return key == null ? null : byKey.get(key);
    }

    SimulatedTicket require(String key) {
        SimulatedTicket ticket = find(key);
        if (ticket == null) {
            throw new IllegalArgumentException("no simulated Kosc ticket " + key);
        }
        return ticket;
    }

    /** An open ticket on this service, or on this diagnostic run when it is not {@code null}, or {@code null}. */
    SimulatedTicket openOn(String service, String diagnosticRun) {
        for (SimulatedTicket other : tickets.values()) {
            if (other.isOpen() && (other.serviceUuid.equals(service)
                    || (diagnosticRun != null && diagnosticRun.equals(other.diagnosticRun)))) {
                return other;
            }
        }
        return null;
    }

    /** Opens a ticket the rules have accepted, with its {@code open} event. */
    SimulatedTicket open(String category, String priority, String reference, String description, String service,
                         String diagnosticRun, String initialComment, ObjectNode contact) {
        Instant now = clock.next();
        SimulatedTicket ticket = new SimulatedTicket();
        ticket.id = nextTicketId++;
        ticket.uuid = UUID.randomUUID().toString();
        ticket.alias = "T" + ALIAS_DAY.format(now) + "_" + String.format("%05d", 8000 + created + 6);
        ticket.created = now;
        ticket.modified = now;
        ticket.status = "open";
        ticket.category = category;
        ticket.priority = priority;
        ticket.reference = reference;
        ticket.description = description;
        ticket.serviceUuid = service;
        ticket.serviceAlias = "S" + ALIAS_DAY.format(now) + "_" + String.format("%05d", 11000 + (Math.abs(service.hashCode()) % 1000));
        ticket.diagnosticRun = diagnosticRun;
        if (diagnosticRun != null) {
            ticket.diagnosticNumber = diagnosticNumbers.computeIfAbsent(diagnosticRun, k -> 18956L + diagnosticNumbers.size());
        }
        ticket.initialComment = initialComment;
        ticket.contact = contact;
        ticket.lastUpdateAuthor = "SIMULATED_OPERATOR";
        tickets.put(ticket.id, ticket);
        byKey.put(String.valueOf(ticket.id), ticket);
        byKey.put(ticket.alias, ticket);
        byKey.put(ticket.uuid, ticket);
        created++;
        ticket.events.add(new SimulatedTicket.Event(nextEventId++, "open", ticket.initialComment, "SIMULATED_OPERATOR", now,
                null, null));
        if (ticket.initialComment != null) {
            ticket.lastComment = ticket.initialComment;
            ticket.lastCommentAuthor = "SIMULATED_OPERATOR";
        }
        return ticket;
    }

    /** One page of the list: {@code status} or every status, after the cursor {@code after} or from the top. */
    MockResponse list(String status, int limit, String after) {
        Instant afterDate = null;
        long afterId = Long.MAX_VALUE;
        if (after != null) {
            Matcher cursor = CURSOR.matcher(WireJson.decode(after));
            if (!cursor.matches()) {
                return WireJson.invalid("after", "Invalid cursor.");
            }
            afterDate = Instant.parse(URLDecoder.decode(cursor.group(1), StandardCharsets.UTF_8));
            afterId = Long.parseLong(cursor.group(2));
        }
        Comparator<SimulatedTicket> newestFirst = Comparator.comparing((SimulatedTicket t) -> t.modified)
                .thenComparing(t -> t.id).reversed();
        List<SimulatedTicket> sorted = new ArrayList<>(tickets.values());
        sorted.sort(newestFirst);
        ArrayNode page = WireJson.MAPPER.createArrayNode();
        for (SimulatedTicket ticket : sorted) {
            if (status != null && !status.equals(ticket.status)) {
                continue;
            }
            if (afterDate != null && !(ticket.modified.isBefore(afterDate) || (ticket.modified.equals(afterDate) && ticket.id < afterId))) {
                continue;
            }
            page.add(WireJson.ticket(ticket, true));
            if (page.size() >= Math.min(Math.max(limit, 1), 100)) {
                break;
            }
        }
        return SimulatorResponses.json(200, page);
    }
}
