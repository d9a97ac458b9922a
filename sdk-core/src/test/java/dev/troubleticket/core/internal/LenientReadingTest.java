package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.model.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared mapper's lenient reading: an odd value inside an answer is kept, never fatal, while a body
 * that is not JSON or not the shape asked for still fails.
 */
class LenientReadingTest {
    /** Built like the adapters' string-backed values ({@code Severity}, {@code KoscTicketStatus}). */
    record Level(@JsonValue String value) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Level of(String value) {
            return new Level(value);
        }
    }

    record Part(String name) {
    }

    record Thing(String name, Level level, Timestamp date, Part part, List<Part> parts) {
    }

    private static Thing read(String json) throws Exception {
        return Json.mapper().readValue(json, Thing.class);
    }

    @Test
    void anyValueWhereTextIsExpectedIsReadAsText() throws Exception {
        assertThat(read("{\"name\":12}").name()).isEqualTo("12");
        assertThat(read("{\"name\":2.50}").name()).isEqualTo("2.50");
        assertThat(read("{\"name\":true}").name()).isEqualTo("true");
        assertThat(read("{\"name\":{\"first\":\"A\"}}").name()).isEqualTo("{\"first\":\"A\"}");
        assertThat(read("{\"name\":[1,\"x\"]}").name()).isEqualTo("[1,\"x\"]");
        assertThat(read("{\"name\":null}").name()).isNull();
    }

    @Test
    void aValueMadeFromTextIsMadeFromTheTextOfAnyValue() throws Exception {
        assertThat(read("{\"level\":{\"rank\":2}}").level()).isEqualTo(new Level("{\"rank\":2}"));
        assertThat(read("{\"level\":false}").level()).isEqualTo(new Level("false"));
        assertThat(read("{\"level\":\"High\"}").level()).isEqualTo(new Level("High"));
        assertThat(read("{\"date\":[2026,1,5]}").date().raw()).isEqualTo("[2026,1,5]");
        assertThat(read("{\"date\":[2026,1,5]}").date().isReadable()).isFalse();
    }

    @Test
    void aNestedPartOfTheWrongShapeReadsAsNull() throws Exception {
        assertThat(read("{\"part\":\"text\",\"name\":\"after\"}")).isEqualTo(new Thing("after", null, null, null, null));
        assertThat(read("{\"part\":7}").part()).isNull();
        assertThat(read("{\"part\":true}").part()).isNull();
        assertThat(read("{\"part\":[{\"name\":\"a\"}],\"name\":\"after\"}")).isEqualTo(new Thing("after", null, null, null, null));
        assertThat(read("{\"parts\":[\"x\",{\"name\":\"b\"},[1]]}").parts()).containsExactly(null, new Part("b"), null);
        assertThat(read("{\"parts\":7}").parts()).as("a single value stands for a list").containsExactly((Part) null);
    }

    @Test
    void aBodyOfTheWrongShapeOrThatIsNotJsonStillFails() {
        assertThatThrownBy(() -> Json.mapper().readValue("\"text\"", Part.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> Json.mapper().readValue("[1]", Part.class)).isInstanceOf(MismatchedInputException.class);
        OnePassReader reader = new OnePassReader("acme", Json.mapper());
        for (String body : List.of("{\"name\":\"cut", "[{\"name\":\"a\"},\"not an object\"]", "{\"name\":\"a\"} trailing")) {
            ApiResponse response = new ApiResponse(200, Map.of(), body, 1);
            assertThatThrownBy(() -> reader.array(response, Part.class, "part", (part, raw) -> part))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.rawBody()).isEqualTo(body);
                    });
        }
    }
}
