package dev.troubleticket.testkit.nexera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.util.Iterator;
import java.util.Map;

/** JSON merge patch (RFC 7386): objects merge, {@code null} removes, everything else (arrays included) replaces. */
final class MergePatch {
    private MergePatch() {
    }

    /** {@code patch} applied to {@code target}, which it changes when {@code target} is an object. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : SimulatorResponses.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
