package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader on every shape of answer, read from the text (answers in another charset) and from
 * the UTF-8 bytes the transport keeps: both must give the same values and the same exact slices.
 */
class OnePassReaderTest {
    @Nested
    class FromText extends Cases {
        @Override
        ApiResponse answer(String body) {
            return new ApiResponse(200, Map.of(), body, 2);
        }
    }

    @Nested
    class FromUtf8Bytes extends Cases {
        @Override
        ApiResponse answer(String body) {
            return new ApiResponse(200, Map.of(), body, 2, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void bytesThatAreNotValidUtf8AreReadFromTheDecodedTextAsBefore() {
        byte[] invalid = "[{\"id\":\"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);
        String decoded = new String(invalid, StandardCharsets.UTF_8);
        assertThat(decoded).contains("\uFFFD");

        List<Cases.Read> read = new OnePassReader("acme", Json.mapper()).array(new ApiResponse(200, Map.of(), decoded, 1, invalid),
                Cases.Item.class, "item", Cases.Read::new);

        assertThat(read).extracting(r -> r.item().id()).containsExactly("caf\uFFFD");
        assertThat(read.get(0).raw()).isEqualTo("{\"id\":\"caf\uFFFD\"}");
    }

    @Test
    void aByteOrderMarkBeforeTheBodyIsNotPartOfAnySlice() {
        byte[] body = "\uFEFF[{\"id\":\"a\"}]".getBytes(StandardCharsets.UTF_8);

        List<Cases.Read> read = new OnePassReader("acme", Json.mapper()).array(new ApiResponse(200, Map.of(), "[{\"id\":\"a\"}]", 1, body),
                Cases.Item.class, "item", Cases.Read::new);

        assertThat(read).extracting(Cases.Read::raw).containsExactly("{\"id\":\"a\"}");
    }

    abstract static class Cases {
        enum Colour { RED, @JsonEnumDefaultValue UNKNOWN }

        record Item(String id, int count, Colour colour, List<String> tags, Map<String, Object> extra) {
        }

        /** What the reader hands back: the bound item and its JSON as sliced. */
        record Read(Item item, String raw) {
        }

        private final OnePassReader reader = new OnePassReader("acme", Json.mapper());

        /** The answer as the transport would give it. */
        abstract ApiResponse answer(String body);

        private List<Read> array(String body) {
            return reader.array(answer(body), "results", Item.class, "item", Read::new);
        }

        private List<String> raws(String body) {
            return array(body).stream().map(Read::raw).toList();
        }

        @Test
        void eachElementsRawJsonIsExactlyItsTextInTheBody() {
            String first = "{\"id\":\"a\",\"count\":1}";
            String second = "{ \"id\" : \"b\" ,\n\t\"count\" : 2 }";
            List<Read> read = array("[" + first + "," + second + "]");

            assertThat(read).extracting(Read::raw).containsExactly(first, second);
            assertThat(read).extracting(r -> r.item().id()).containsExactly("a", "b");
            assertThat(read).extracting(r -> r.item().count()).containsExactly(1, 2);
        }

        @Test
        void whitespaceAroundAndBetweenElementsIsNotPartOfAnySlice() {
            String first = "{\"id\":\"a\"}";
            String second = "{\r\n  \"id\": \"b\"\r\n}";

            assertThat(raws("\n\t [ \n" + first + " \r\n,\t\t" + second + "\n ] \n")).containsExactly(first, second);
        }

        @Test
        void nestedObjectsAndArraysStayInsideTheirElementsSlice() {
            String nested = "{\"id\":\"n\",\"tags\":[\"x\",\"y\"],\"extra\":{\"deep\":{\"list\":[[1,2],[{\"k\":[]}],{}],\"e\":{}}}}";
            String after = "{\"id\":\"after\"}";

            List<Read> read = array("[" + nested + "," + after + "]");

            assertThat(read).extracting(Read::raw).containsExactly(nested, after);
            assertThat(read.get(0).item().tags()).containsExactly("x", "y");
            assertThat(read.get(0).item().extra()).containsKey("deep");
        }

        @Test
        void stringsHoldingBracketsBracesAndEscapedQuotesDoNotEndAnElement() {
            String tricky = "{\"id\":\"}]\\\"},{\\\"id\\\":\\\"x\\\"}[{\",\"tags\":[\"]\",\"\\\\\",\"\\\"\",\"{\"]}";
            String next = "{\"id\":\"\\\\\"}";

            List<Read> read = array("[" + tricky + "," + next + "]");

            assertThat(read).extracting(Read::raw).containsExactly(tricky, next);
            assertThat(read.get(0).item().id()).isEqualTo("}]\"},{\"id\":\"x\"}[{");
            assertThat(read.get(0).item().tags()).containsExactly("]", "\\", "\"", "{");
            assertThat(read.get(1).item().id()).isEqualTo("\\");
        }

        @Test
        void unicodeIsSlicedByCharacterAndEscapesAreKeptAsSent() {
            // Accents, a character outside the BMP (two UTF-16 chars), and \\u escapes that a re-written tree would turn into characters.
            String accented = "{\"id\":\"Écrasé ☎ 😀 café\",\"tags\":[\"日本\"]}";
            String escaped = "{\"id\":\"\\u00e9\\ud83d\\ude00\\u0022\"}";
            String last = "{\"id\":\"z\"}";

            List<Read> read = array("[" + accented + "," + escaped + "," + last + "]");

            assertThat(read).extracting(Read::raw).containsExactly(accented, escaped, last);
            assertThat(read.get(0).item().id()).isEqualTo("Écrasé ☎ 😀 café");
            assertThat(read.get(1).item().id()).isEqualTo("é😀\"");
        }

        @Test
        void numbersAndUnknownFieldsAreKeptAsSentInTheRawJson() {
            String element = "{\"id\":\"a\",\"count\":\"4\",\"price\":1.50E+2,\"colour\":\"PURPLE\",\"new_field\":{\"x\":[true,null]}}";

            Read read = array("[" + element + "]").get(0);

            assertThat(read.raw()).isEqualTo(element);
            assertThat(read.item().count()).isEqualTo(4);
            assertThat(read.item().colour()).isEqualTo(Colour.UNKNOWN);
        }

        @Test
        void aBodyLongerThanJacksonsBufferIsSlicedExactlyAcrossBufferBoundaries() {
            // Past 32K characters Jackson reads a String through a Reader in chunks: offsets must still index the body.
            List<String> elements = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 3_000; i++) {
                String element = "{\"id\":\"item-" + i + " é😀\",\"count\":" + i + ",\"tags\":[\"" + "x".repeat(i % 37) + "\"]}";
                elements.add(element);
                body.append(i == 0 ? "" : (i % 3 == 0 ? ",\n  " : ",")).append(element);
            }
            body.append("]");
            assertThat(body.length()).isGreaterThan(100_000);

            List<Read> read = array(body.toString());

            assertThat(read).extracting(Read::raw).containsExactlyElementsOf(elements);
            assertThat(read.get(2_999).item().count()).isEqualTo(2_999);
        }

        @Test
        void anEmptyArrayGivesNoElements() {
            assertThat(array(" [ ] ")).isEmpty();
        }

        @Test
        void anEnvelopeIsOpenedAtItsNamedFieldSkippingTheOthersWhole() {
            String element = "{\"id\":\"a\"}";
            String body = "{\"count\":1,\"next\":\"http://x/?after=[1]\",\"previous\":{\"results\":[{\"id\":\"decoy\"}]},"
                    + "\"results\":[" + element + "],\"trailer\":[]}";

            assertThat(raws(body)).containsExactly(element);
        }

        @Test
        void anObjectWithoutTheEnvelopeFieldIsNotAList() {
            assertThatThrownBy(() -> array("{\"results\":{\"id\":\"a\"},\"count\":0}"))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("JSON object where an item list (JSON array) was expected");
            assertThatThrownBy(() -> reader.array(answer("{\"results\":[]}"), Item.class, "item", Read::new))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("JSON array");
        }

        @Test
        void aSingleObjectIsBoundAndSlicedWithoutTheWhitespaceAroundIt() {
            String object = "{\"id\":\"one\",\"tags\":[\"]}\"]}";

            Read read = reader.object(answer("\n  " + object + "\n"), Item.class, "item", Read::new);

            assertThat(read.raw()).isEqualTo(object);
            assertThat(read.item().tags()).containsExactly("]}");
        }

        @Test
        void malformedJsonBecomesAProviderExceptionKeepingStatusAndRawBody() {
            for (String body : List.of("[{\"id\":\"a\"}", "[{\"id\":\"a\"},]", "<html>502 Bad Gateway</html>", "[{\"id\":\"a\" \"count\":1}]",
                    "[{\"id\":\"unterminated}]")) {
                assertThatThrownBy(() -> array(body)).as(body).isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.rawBody()).isEqualTo(body);
                    assertThat(e.details().attempts()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("acme answered HTTP 200 with a body that is not JSON");
                });
            }
            assertThatThrownBy(() -> reader.object(answer("{\"id\":"), Item.class, "item", Read::new))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("not JSON");
        }

        @Test
        void anObjectTheTypeCannotTakeIsNamedInTheException() {
            String body = "[{\"id\":\"a\"},{\"id\":\"b\",\"count\":\"many\"}]";

            assertThatThrownBy(() -> array(body)).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.getMessage()).contains("an item that cannot be read as Item").doesNotContain("not JSON");
                assertThat(e.rawBody()).isEqualTo(body);
            });
        }

        @Test
        void wrongShapesBecomeProviderExceptionsSayingWhatCame() {
            assertThatThrownBy(() -> array("")).isInstanceOf(ProviderException.class).hasMessageContaining("an empty body");
            assertThatThrownBy(() -> array("\"text\"")).isInstanceOf(ProviderException.class).hasMessageContaining("a JSON string where");
            assertThatThrownBy(() -> array("[{\"id\":\"a\"},null]")).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("JSON null in the item list where an item object was expected");
            assertThatThrownBy(() -> array("[[{\"id\":\"a\"}]]")).isInstanceOf(ProviderException.class).hasMessageContaining("a JSON array in");
            assertThatThrownBy(() -> reader.object(answer("[{\"id\":\"a\"}]"), Item.class, "item", Read::new))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("a JSON array where an item object was expected");
            assertThatThrownBy(() -> reader.object(answer("404"), Item.class, "item", Read::new))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("a JSON number");
        }

        @Test
        void anElementTheAdapterRefusesPassesItsOwnExceptionThrough() {
            ValidationException refusal = ValidationException.beforeSending("acme", "test", List.of());

            assertThatThrownBy(() -> reader.array(answer("[{\"id\":\"a\"}]"), Item.class, "item", (item, raw) -> {
                throw refusal;
            })).isSameAs(refusal);
        }
    }
}
