package dev.troubleticket.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.internal.Json;
import mockwebserver3.MockResponse;

/** Small helpers for simulators to answer JSON. */
public final class SimulatorResponses {
    private static final ObjectMapper MAPPER = Json.newMapper();

    private SimulatorResponses() {
    }

    /** The mapper simulators use to read and write bodies. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A JSON answer with the given status and body (a {@code String} is sent as is). */
    public static MockResponse json(int status, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(text).build();
    }

    /** An answer with a status and no body. */
    public static MockResponse empty(int status) {
        return new MockResponse.Builder().code(status).build();
    }
}
