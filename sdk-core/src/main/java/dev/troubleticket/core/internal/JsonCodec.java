package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.TicketingException;
import java.io.IOException;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * One provider's JSON on the wire: request bodies written with the adapter's mapper, and 2xx answers read with it,
 * where a body that is empty or not the documented type becomes a {@link ProviderException} that keeps the body.
 * Thread-safe.
 */
public final class JsonCodec {
    /** The media type of every JSON request body. */
    public static final MediaType MEDIA_TYPE = MediaType.get("application/json; charset=utf-8");

    private final String provider;
    private final ObjectMapper mapper;

    /** Reads and writes {@code provider}'s JSON with {@code mapper}. */
    public JsonCodec(String provider, ObjectMapper mapper) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** The mapper. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** A JSON request body for the given value; a value that cannot be written is a bug, thrown as {@link IllegalStateException}. */
    public RequestBody body(Object value) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), MEDIA_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads an answer's body as {@code type}; an unreadable body becomes a {@link ProviderException} keeping it. */
    public <T> T read(ApiResponse response, JavaType type) {
        try {
            T value = mapper.readValue(response.body(), type);
            if (value == null) {
                throw new ProviderException(provider + " answered HTTP " + response.status() + " with an empty body where "
                        + type.getRawClass().getSimpleName() + " was expected", details(response));
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof TicketingException te) {
                throw te;
            }
            throw new ProviderException(provider + " answered HTTP " + response.status() + " with a body that is not the documented "
                    + type.getRawClass().getSimpleName() + ": " + e.getClass().getSimpleName() + " at "
                    + ErrorMapper.snippet(originalMessage(e)), details(response), e);
        }
    }

    private static String originalMessage(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return message == null ? "" : message;
    }

    private ErrorDetails details(ApiResponse response) {
        return new ErrorDetails(provider, response.status(), null, null, null, response.body(), response.attempts());
    }
}
