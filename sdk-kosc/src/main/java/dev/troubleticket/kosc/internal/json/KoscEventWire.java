package dev.troubleticket.kosc.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A feed event as Kosc sends it, before its {@code data} is typed: every field as text whatever JSON it
 * came as (the shared mapper's lenient text: a scalar as written, an object or array as its JSON, so that an
 * odd value never fails a page), and {@code data} as a small tree to be read by type once the type is known.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record KoscEventWire(
        String eventUuid,
        String model,
        String type,
        String objectType,
        String objectUuid,
        String eventDate,
        String creationDate,
        String modificationDate,
        String sortValue,
        JsonNode data) {
}
