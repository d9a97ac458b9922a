package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes request bodies straight through a JSON generator. The adapters write their create bodies field by
 * field with it: Jackson's bean serializer, or a map or tree written afterwards, cost several times more
 * for the same bytes, and each adapter's test compares its writer with the bytes Jackson gives.
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    /** What writes one body's fields with a generator. */
    @FunctionalInterface
    public interface Writing {
        /** Writes the body, from its opening brace or bracket to its closing one. */
        void write(JsonGenerator json) throws IOException;
    }

    /** The bytes {@code writing} writes with a generator of {@code factory}. */
    public static byte[] write(JsonFactory factory, Writing writing) {
        // A create body with no attachment is a few hundred bytes; the buffer grows for larger ones.
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = factory.createGenerator(out)) {
            writing.write(json);
        } catch (IOException e) {
            // Writing to memory does not fail on I/O: a failure here is a bug, not a provider's answer.
            throw new UncheckedIOException("cannot write a request body", e);
        }
        return out.toByteArray();
    }

    /** Writes {@code "name": "value"}, or nothing when the value is {@code null}. */
    public static void text(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
