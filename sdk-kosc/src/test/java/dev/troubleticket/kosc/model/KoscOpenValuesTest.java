package dev.troubleticket.kosc.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.model.OpenValue;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.internal.StatusMapping;
import dev.troubleticket.kosc.internal.TransitionRules;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every string-backed Kosc value follows {@link OpenValue}'s one rule: the text is kept as received, and it names a
 * documented value ignoring case and surrounding blanks ({@code canonical()}, {@code isKnown()}, {@code is(other)}).
 */
class KoscOpenValuesTest {
    private static final List<Class<?>> VALUES = List.of(ClearCode.class, KoscTicketStatus.class, KoscEventType.class,
            TicketCategory.class, Responsibility.class);

    @Test
    void everyDocumentedValueIsNamedIgnoringCaseAndBlanksAndItsTextIsKeptAsReceived() throws Exception {
        for (Class<?> type : VALUES) {
            Method of = type.getMethod("of", String.class);
            Method canonical = type.getMethod("canonical");
            Method isKnown = type.getMethod("isKnown");
            Method is = type.getMethod("is", type);
            List<?> known = (List<?>) type.getMethod("knownValues").invoke(null);
            assertThat(known).as("%s documents values", type.getSimpleName()).isNotEmpty();
            for (Object documented : known) {
                String text = ((OpenValue) documented).value();
                Object odd = of.invoke(null, "  " + text.toUpperCase(Locale.ROOT) + " ");
                assertThat(((OpenValue) odd).value()).as("kept as received").isEqualTo("  " + text.toUpperCase(Locale.ROOT) + " ");
                assertThat(canonical.invoke(odd)).as("%s of %s", type.getSimpleName(), odd).isSameAs(documented);
                assertThat(isKnown.invoke(odd)).isEqualTo(true);
                assertThat(is.invoke(odd, documented)).isEqualTo(true);
                assertThat(is.invoke(documented, odd)).isEqualTo(true);
            }
            Object unknown = of.invoke(null, "not-documented-anywhere");
            assertThat(canonical.invoke(unknown)).isNull();
            assertThat(isKnown.invoke(unknown)).isEqualTo(false);
            assertThat(is.invoke(unknown, known.get(0))).isEqualTo(false);
            assertThat(is.invoke(known.get(0), new Object[] {null})).isEqualTo(false);
            assertThat(of.invoke(null, new Object[] {null})).isNull();
        }
    }

    @Test
    void aStatusWrittenInAnotherCaseMapsAndMovesAsTheDocumentedOne() {
        assertThat(StatusMapping.neutral(KoscTicketStatus.of(" Cleared"))).isEqualTo(TicketStatus.RESOLVED);
        assertThat(StatusMapping.neutral(KoscTicketStatus.of("escalated"))).isEqualTo(TicketStatus.UNKNOWN);
        assertThat(TransitionRules.allowedFrom(KoscTicketStatus.of("DEFERRED"))).hasSize(1);
        // What is sent is the documented spelling, whatever the caller wrote.
        assertThat(TransitionRules.checkOperatorChange("1", KoscTicketStatus.of("cleared "), KoscTicketStatus.of("Closed")))
                .isSameAs(KoscTicketStatus.CLOSED);
    }

    @Test
    void aClearCodeInAnotherCaseKeepsItsDocumentedResponsibility() {
        assertThat(ClearCode.of("MODEM").documentedResponsibility()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(ClearCode.of("weather").documentedResponsibility()).isNull();
    }
}
