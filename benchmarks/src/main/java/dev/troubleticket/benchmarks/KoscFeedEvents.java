package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Kosc feed events ({@code /api/events/}) as Kosc sends them, in a mix of the documented types (order
 * submitted, completed with endpoints, info message, appointment agreed), numbered so that event
 * {@code n}'s {@code sort_value} tells where the page after it starts.
 */
public final class KoscFeedEvents {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private KoscFeedEvents() {
    }

    /** The JSON array of events {@code first} to {@code first + count - 1}. */
    public static byte[] page(long first, int count) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (long n = first; n < first + count; n++) {
            array.add(event(n));
        }
        try {
            return Json.mapper().writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Event number {@code n}. */
    public static ObjectNode event(long n) {
        ObjectNode event = Json.mapper().createObjectNode();
        String when = START.plusSeconds(n).toString();
        String order = String.format("5a0f7a1e-0c3b-4d6e-9f10-%012d", n / 4);
        // The fields in the order of the document's listed events (events-sorted-list.json): type before data.
        event.put("model", "event");
        event.put("creation_date", when);
        event.put("modification_date", when);
        event.put("sort_value", TicketPages.sortValue(n));
        event.put("event_uuid", String.format("e1e2e3e4-0000-4000-8000-%012d", n));
        event.putNull("type");
        event.put("object_type", "order");
        event.put("object_uuid", order);
        event.put("event_date", when);
        ObjectNode data = event.putObject("data");
        switch ((int) (n % 4)) {
            case 0 -> {
                event.put("type", "order-submitted");
                data.put("kosc_order_ref", String.format("C%08d", n / 4));
            }
            case 1 -> {
                event.put("type", "order-completed");
                data.put("service_uuid", String.format("8ccc5104-a7d3-4be3-8108-%012d", n / 4));
                data.put("service_alias", String.format("S261123_%05d", n % 100_000));
                ObjectNode endpoint = data.putArray("endpoints").addObject();
                endpoint.put("service_uuid", String.format("8ccc5104-a7d3-4be3-8108-%012d", n / 4));
                endpoint.put("service_alias", String.format("S261123_%05d", n % 100_000));
                endpoint.put("vlan", 835);
                endpoint.put("port", "ge-0/0/1");
            }
            case 2 -> {
                event.put("type", "order-info");
                data.put("message", "Appointment confirmed with the end customer");
                data.put("stop_deferred", false);
            }
            default -> {
                event.put("type", "order-appointment-agreed");
                data.put("start_date", START.plusSeconds(n + 86_400).toString());
                data.put("end_date", START.plusSeconds(n + 86_400 + 7_200).toString());
            }
        }
        return event;
    }
}
