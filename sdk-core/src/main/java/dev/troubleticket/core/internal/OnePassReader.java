package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an answer's JSON in one pass: a streaming parser walks the body, each object is bound straight
 * into its typed class, and its raw JSON is the slice of the body between the object's first and last
 * character. No tree is built and nothing is written back to text, so a payload's raw JSON is exactly
 * what the provider sent (spacing, escapes and number spellings included). The parser reads the UTF-8
 * bytes the transport keeps when it has them (Jackson's byte parser is the faster one), else the text.
 *
 * <p>A body that is not JSON, not the expected shape, or an object the typed class cannot take becomes a
 * {@link ProviderException} keeping the status and the raw body. One instance per adapter; thread-safe.
 */
public final class OnePassReader {
    private final String provider;
    private final ObjectMapper mapper;
    // Making an ObjectReader hashes the mapper's configuration: once per type, not once per answer.
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    /** Reads with {@code mapper}'s configuration; failures name {@code provider}. */
    public OnePassReader(String provider, ObjectMapper mapper) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * What to make of one object read from an answer.
     *
     * @param <T> the typed class the object was bound to
     * @param <R> what the adapter keeps
     */
    @FunctionalInterface
    public interface Element<T, R> {
        /** Builds the adapter's value from the bound object and its JSON exactly as received. */
        R of(T value, String rawJson);
    }

    /**
     * The body's one top-level JSON object, bound to {@code type}.
     *
     * @param what names the object in a failure's message ({@code "ticket"})
     * @throws ProviderException when the body is not a JSON object {@code type} can take
     */
    public <T, R> R object(ApiResponse response, Class<T> type, String what, Element<T, R> element) {
        return read(response, type, what, (source, parser) -> {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw unexpected(response, shape(first) + " where " + a(what) + " object was expected", null);
            }
            return element(source, parser, readerFor(type), what, response, element);
        });
    }

    /**
     * Each object of the body's top-level JSON array, bound to {@code type}, in order.
     *
     * @param what names one element in a failure's message ({@code "ticket"})
     * @throws ProviderException when the body is not a JSON array of objects {@code type} can take
     */
    public <T, R> List<R> array(ApiResponse response, Class<T> type, String what, Element<T, R> element) {
        return array(response, null, type, what, element);
    }

    /**
     * Like {@link #array(ApiResponse, Class, String, Element)}, but also accepts an envelope: a top-level
     * object whose field {@code envelopeField} holds the array (for example a paginated {@code results}).
     */
    public <T, R> List<R> array(ApiResponse response, String envelopeField, Class<T> type, String what,
                                Element<T, R> element) {
        return read(response, type, what, (source, parser) -> {
            JsonToken first = parser.nextToken();
            boolean enveloped = first == JsonToken.START_OBJECT && envelopeField != null && enterField(parser, envelopeField);
            if (!enveloped && first != JsonToken.START_ARRAY) {
                throw unexpected(response, shape(first) + " where " + a(what) + " list (JSON array) was expected", null);
            }
            List<R> items = new ArrayList<>();
            // One binding context for the whole list (ObjectReader.readValue makes one per call: ~5 % of a page).
            MappingIterator<T> values = null;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw unexpected(response, shape(token) + " in the " + what + " list where " + a(what)
                            + " object was expected", null);
                }
                if (values == null) {
                    values = readerFor(type).readValues(parser);
                }
                int start = source.offset(parser.currentTokenLocation());
                items.add(sliced(source, start, values.nextValue(), parser, what, response, element));
            }
            return items;
        });
    }

    private ObjectReader readerFor(Class<?> type) {
        return readers.computeIfAbsent(type, mapper::readerFor);
    }

    /** One reading of a body with a parser over it. */
    @FunctionalInterface
    private interface Reading<X> {
        X read(Source source, JsonParser parser) throws IOException;
    }

    /**
     * Reads the body from its UTF-8 bytes when the transport kept them (Jackson reads bytes ~30 % faster
     * than text), else from its text; I/O and binding failures become {@link ProviderException}s.
     */
    private <X> X read(ApiResponse response, Class<?> type, String what, Reading<X> reading) {
        byte[] utf8 = response.utf8Body();
        if (utf8 != null) {
            try {
                return readWith(new Source(null, utf8), reading);
            } catch (IOException e) {
                // Bytes that are not valid UTF-8 were decoded with replacement characters, and that text was
                // always read: read it still. Anything else fails the same from either form.
                if (!(isSyntaxError(e) && response.body().indexOf('\uFFFD') >= 0)) {
                    throw unreadable(response, what, type, e);
                }
            }
        }
        try {
            return readWith(new Source(response.body(), null), reading);
        } catch (IOException e) {
            throw unreadable(response, what, type, e);
        }
    }

    private <X> X readWith(Source source, Reading<X> reading) throws IOException {
        try (JsonParser parser = source.open(mapper)) {
            return reading.read(source, parser);
        }
    }

    /**
     * Moves the parser, at the start of an object, to the start of the array in {@code field}; answers
     * whether there was one (other fields are skipped whole).
     */
    private static boolean enterField(JsonParser parser, String field) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY && field.equals(name)) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** Binds the object the parser is at and slices its text, leaving the parser on its closing brace. */
    private <T, R> R element(Source source, JsonParser parser, ObjectReader reader, String what,
                             ApiResponse response, Element<T, R> element) throws IOException {
        int start = source.offset(parser.currentTokenLocation());
        return sliced(source, start, reader.readValue(parser), parser, what, response, element);
    }

    /** The adapter's value of an object just bound, which began at {@code start}, with its text. */
    private <T, R> R sliced(Source source, int start, T value, JsonParser parser, String what, ApiResponse response,
                            Element<T, R> element) {
        if (value == null) {
            throw unexpected(response, a(what) + " that reads as nothing", null);
        }
        // After binding, the parser stands just past the object's closing brace.
        int end = source.offset(parser.currentLocation());
        return element.of(value, source.slice(start, end));
    }

    /**
     * The body in the form the parser reads: its UTF-8 bytes, or else its text. Offsets and slices are in
     * that same form (byte offsets into the bytes, character offsets into the text).
     */
    private record Source(String text, byte[] utf8) {
        JsonParser open(ObjectMapper mapper) throws IOException {
            return utf8 != null ? mapper.createParser(utf8) : mapper.createParser(text);
        }

        int offset(JsonLocation location) {
            return (int) (utf8 != null ? location.getByteOffset() : location.getCharOffset());
        }

        String slice(int start, int end) {
            return utf8 != null ? new String(utf8, start, end - start, StandardCharsets.UTF_8) : text.substring(start, end);
        }
    }

    /** A binding failure (the JSON is well formed but does not fit the class) or else a body that is not JSON. */
    private ProviderException unreadable(ApiResponse response, String what, Class<?> type, IOException e) {
        if (e instanceof DatabindException && !isSyntaxError(e)) {
            return unexpected(response, a(what) + " that cannot be read as " + type.getSimpleName() + ": " + describe(e), e);
        }
        return unexpected(response, "a body that is not JSON: " + describe(e), e);
    }

    /** Whether a malformed text is behind the failure (binding wraps the parser's errors). */
    private static boolean isSyntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    /** The noun with its indefinite article, for messages. */
    private static String a(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    private ProviderException unexpected(ApiResponse response, String what, Exception cause) {
        return new ProviderException(provider + " answered HTTP " + response.status() + " with " + what,
                new ErrorDetails(provider, response.status(), null, null, null, response.body(), response.attempts()), cause);
    }

    /**
     * Jackson's own words and where, without the excerpt of the body its full message quotes: the raw body
     * stays in the exception's details, and messages end up in logs.
     */
    private static String describe(IOException e) {
        if (e instanceof JsonProcessingException j) {
            var where = j.getLocation();
            return j.getOriginalMessage() + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
        }
        return String.valueOf(e.getMessage());
    }

    /** A token's kind, in words for a message. */
    private static String shape(JsonToken token) {
        if (token == null) {
            return "an empty body";
        }
        return switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "JSON null";
            default -> "a JSON " + token;
        };
    }
}
