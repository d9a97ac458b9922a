package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import java.io.UncheckedIOException;

/**
 * Builds a page of tickets as the provider's list answers it: copies of a captured ticket, each with its
 * own ids and operator reference (and, for Kosc, the {@code sort_value} the next page is asked after), so that nothing in the
 * client can take a shortcut on repeated objects.
 */
public final class TicketPages {
    private final String provider;
    private final ObjectNode template;

    /** Pages of copies of {@code fixture}'s ticket. */
    public TicketPages(ProviderFixture fixture) {
        this.provider = fixture.provider();
        try {
            this.template = (ObjectNode) Json.mapper().readTree(fixture.ticketJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON array of tickets {@code first} to {@code first + count - 1}. */
    public byte[] page(long first, int count) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (long n = first; n < first + count; n++) {
            array.add(ticket(n));
        }
        try {
            return Json.mapper().writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ticket number {@code n}. */
    public JsonNode ticket(long n) {
        ObjectNode copy = template.deepCopy();
        switch (provider) {
            case "kosc" -> {
                copy.put("id", n + 1);
                copy.put("uuid", String.format("8e9bc179-97ec-4a5f-9bce-%012d", n));
                copy.put("alias", String.format("T261123_%08d", n));
                copy.put("sort_value", sortValue(n));
                // A reference of its own: a create's look-up by reference must not find the page's tickets.
                copy.put("operator_ticket_ref", String.format("REF-%08d", n));
            }
            case "nexera" -> {
                String id = String.format("TT-%08d", n);
                copy.put("id", id);
                copy.put("href", "/api/openapi/troubleTicket/troubleTicket/" + id);
                copy.put("externalId", String.format("REF-%08d", n));
            }
            case "masstack" -> copy.put("ticketId", String.format("RED-%08d", n));
            default -> throw new IllegalArgumentException(provider);
        }
        return copy;
    }

    /** Kosc's cursor value for ticket {@code n}: fixed width, so the page after it can be found by number. */
    public static String sortValue(long n) {
        return String.format("%012d", n);
    }
}
