package dev.troubleticket.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.internal.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class NumeralTest {
    record Holder(Numeral value) {
    }

    private static Numeral read(String json) throws Exception {
        return Json.mapper().readValue("{\"value\":" + json + "}", Holder.class).value();
    }

    @Test
    void aNumberOrNumericTextGivesTheNumber() throws Exception {
        assertThat(read("4").asInteger()).isEqualTo(4);
        assertThat(read("\"4\"").asInteger()).isEqualTo(4);
        assertThat(read("\" 7 \"").asLong()).isEqualTo(7L);
        assertThat(read("-3000000000").asLong()).isEqualTo(-3_000_000_000L);
        assertThat(read("-3000000000").asInteger()).as("does not fit an int").isNull();
        assertThat(read("4.0").asInteger()).as("a whole number written as a decimal").isEqualTo(4);
        assertThat(read("2.5").asInteger()).as("not a whole number").isNull();
        assertThat(read("2.5").asDecimal()).isEqualByComparingTo("2.5");
        assertThat(read("123456789012345678901234567890").asDecimal()).isEqualByComparingTo("123456789012345678901234567890");
        assertThat(read("4").isNumber()).isTrue();
    }

    @Test
    void anyOtherValueIsKeptAsSentAndIsNoNumber() throws Exception {
        assertThat(read("\"High\"").raw()).isEqualTo("High");
        assertThat(read("\"High\"").asInteger()).isNull();
        assertThat(read("\"High\"").isNumber()).isFalse();
        assertThat(read("true").raw()).isEqualTo("true");
        assertThat(read("{\"level\":\"High\"}").raw()).isEqualTo("{\"level\":\"High\"}");
        assertThat(read("[1,2]").raw()).isEqualTo("[1,2]");
        assertThat(read("[1,2]").asLong()).isNull();
        assertThat(read("\"\"").raw()).isEmpty();
        assertThat(read("\"1e999999999\"").asLong()).as("a huge exponent is no long, and reading it is quick").isNull();
        assertThat(read("null")).isNull();
    }

    @Test
    void equalWhenTheTextIsTheSame() {
        assertThat(Numeral.of(4)).isEqualTo(Numeral.parse("4")).hasSameHashCodeAs(Numeral.parse("4"));
        assertThat(Numeral.of(989)).isEqualTo(Numeral.parse("989"));
        assertThat(Numeral.of(4)).isNotEqualTo(Numeral.parse("4.0"));
        assertThat(Numeral.parse("High")).hasToString("High");
    }

    @Test
    void isWrittenAsANumberWhenItIsOneElseAsItsText() throws Exception {
        assertThat(Json.mapper().writeValueAsString(new Holder(Numeral.parse("4")))).isEqualTo("{\"value\":4}");
        assertThat(Json.mapper().writeValueAsString(new Holder(Numeral.of(-3_000_000_000L)))).isEqualTo("{\"value\":-3000000000}");
        assertThat(Json.mapper().writeValueAsString(new Holder(Numeral.parse("2.5")))).isEqualTo("{\"value\":2.5}");
        assertThat(Json.mapper().writeValueAsString(new Holder(Numeral.parse("High")))).isEqualTo("{\"value\":\"High\"}");
        assertThat(Numeral.parse("123456789012345678901234567890").jsonValue())
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(Numeral.of(new BigDecimal("2.50")).raw()).isEqualTo("2.50");
    }
}
