package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

class JsonTest {
    enum Colour { RED, @JsonEnumDefaultValue UNKNOWN }

    record Thing(String name, int count, Colour colour, String customer) {
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownEnumValuesFallBack() throws Exception {
        Thing thing = Json.mapper().readValue("{\"name\":\"a\",\"count\":1,\"colour\":\"PURPLE\",\"extra\":{\"x\":1}}", Thing.class);
        assertThat(thing.name()).isEqualTo("a");
        assertThat(thing.colour()).isEqualTo(Colour.UNKNOWN);
    }

    @Test
    void numbersMayComeAsStringsAndStringsAsNumbers() throws Exception {
        Thing thing = Json.mapper().readValue("{\"count\":\"4\",\"customer\":100}", Thing.class);
        assertThat(thing.count()).isEqualTo(4);
        assertThat(thing.customer()).isEqualTo("100");
    }

    record Named(@JsonProperty("first_name") String firstName, String absent) {
    }

    @Test
    void nullFieldsAreNotWritten() throws Exception {
        assertThat(Json.mapper().writeValueAsString(new Named("Ann", null))).isEqualTo("{\"first_name\":\"Ann\"}");
    }
}
