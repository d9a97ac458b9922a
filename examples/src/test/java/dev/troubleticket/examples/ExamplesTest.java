package dev.troubleticket.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each example program runs to the end against its simulator and does what its Javadoc says. */
class ExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void neutralExampleOpensRefusesAnEarlyCloseAndClosesOnceResolved(String provider) {
        StringWriter out = new StringWriter();
        NeutralExample.run(provider, new PrintWriter(out));
        assertThat(out.toString())
                .contains("connected to " + provider)
                .contains("closing now is refused before sending")
                .containsPattern("closed \\S+: CLOSED");
    }

    @Test
    void koscExampleFollowsTheFeedInOrderAndIsThrottledOnTheSecondMessage() throws Exception {
        StringWriter out = new StringWriter();
        KoscExample.run(new PrintWriter(out));
        String text = out.toString();
        assertThat(text.indexOf("order-submitted")).isLessThan(text.indexOf("order-appointment-agreed"));
        assertThat(text.indexOf("order-appointment-agreed")).isLessThan(text.indexOf("order-completed"));
        assertThat(text).contains("OrderSubmitted[koscOrderRef=O170331_12004]").contains("second message throttled");
    }

    @Test
    void nexeraExampleReceivesPushedEventsAndFiltersResolvedTickets() throws Exception {
        StringWriter out = new StringWriter();
        NexeraExample.run(new PrintWriter(out));
        assertThat(out.toString())
                .contains("pushed TroubleTicketResolvedEvent: RESOLVED (resolved)")
                .contains("resolved ticket TT-000001 (INC-7)");
    }

    @Test
    void masStackExampleRunsTheTransactionTableAndRefusesAnEarlyClose() throws Exception {
        StringWriter out = new StringWriter();
        MasStackExample.run(new PrintWriter(out));
        assertThat(out.toString())
                .contains("TU09 refused before sending")
                .contains("cancellation rejected: OPENACTIVE")
                .contains("closed: CLOSED after [TU01, TO02, TU04, TO07, TU09]");
    }
}
