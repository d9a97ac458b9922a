package dev.troubleticket.testkit.nexera;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/** The listeners registered with {@code POST /hub}, by id, and which events each asked for. */
final class HubStore {
    private final Map<String, ObjectNode> hubs = new ConcurrentHashMap<>();
    private final Supplier<String> nextId;

    /** @param nextId gives each new hub's id */
    HubStore(Supplier<String> nextId) {
        this.nextId = nextId;
    }

    /** Registers the hub the body describes and answers it with its id; a callback that is not a URL is a {@link BadRequest}. */
    ObjectNode register(ObjectNode body) {
        String callback = body.path("callback").asText(null);
        if (callback == null || HttpUrl.parse(callback) == null) {
            throw new BadRequest("callback must be an http(s) URL");
        }
        ObjectNode hub = SimulatorResponses.mapper().createObjectNode();
        hub.put("id", nextId.get());
        hub.put("callback", callback);
        if (body.hasNonNull("query")) {
            hub.put("query", body.get("query").asText());
        }
        hubs.put(hub.get("id").asText(), hub);
        return hub;
    }

    /** Whether a hub of that id was registered (and is removed now). */
    boolean remove(String id) {
        return hubs.remove(id) != null;
    }

    boolean contains(String id) {
        return hubs.containsKey(id);
    }

    /** The hubs, by id, as {@code GET /hub} lists them. */
    ArrayNode list() {
        ArrayNode list = SimulatorResponses.mapper().createArrayNode();
        hubs.values().stream().sorted(Comparator.comparing(h -> h.get("id").asText())).forEach(h -> list.add(h.deepCopy()));
        return list;
    }

    Map<String, ObjectNode> snapshot() {
        return Map.copyOf(hubs);
    }

    Collection<ObjectNode> all() {
        return hubs.values();
    }

    /** Whether the hub's query asks for the event type (a hub without an {@code eventType} criterion wants every event). */
    static boolean wants(ObjectNode hub, String eventType) {
        String query = hub.path("query").asText("");
        for (String criterion : query.split("&")) {
            if (criterion.startsWith("eventType=")) {
                return List.of(criterion.substring("eventType=".length()).split(",")).contains(eventType);
            }
        }
        return true;
    }
}
