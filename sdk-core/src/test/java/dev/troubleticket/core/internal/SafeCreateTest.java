package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.PageFetcher;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.error.ValidationException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The order of look-ups and sends for each outcome of a create, on a scripted provider. */
class SafeCreateTest {
    private final SafeCreate safeCreate = new SafeCreate("test");

    /** A provider whose look-ups and sends answer in turn what the test scripted, recording the calls made. */
    private static final class Script implements SafeCreate.Steps<String> {
        final Deque<Supplier<Optional<String>>> lookups = new ArrayDeque<>();
        final Deque<Supplier<String>> sends = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();
        String service = "L-1";

        Script lookup(Supplier<Optional<String>> answer) {
            lookups.add(answer);
            return this;
        }

        Script send(Supplier<String> answer) {
            sends.add(answer);
            return this;
        }

        @Override
        public Optional<String> findByReference() {
            calls.add("lookup");
            return lookups.isEmpty() ? Optional.empty() : lookups.poll().get();
        }

        @Override
        public String send() {
            calls.add("send");
            return sends.poll().get();
        }

        @Override
        public List<String> differences(String found) {
            String d = SafeCreate.difference("service", service, found.substring(found.indexOf('@') + 1));
            return d == null ? List.of() : List.of(d);
        }

        @Override
        public String idOf(String found) {
            return found.substring(0, found.indexOf('@'));
        }
    }

    private static Supplier<String> fails(TicketingException e) {
        return () -> {
            throw e;
        };
    }

    private static TransportException reset() {
        return new TransportException("reset", ErrorDetails.none("test").withAttempts(1), new IOException("reset"));
    }

    private static ProviderException status(int status) {
        return new ProviderException("HTTP " + status, new ErrorDetails("test", status, null, null, null, "", 1));
    }

    @Test
    void aTicketAlreadyOpenedWithTheReferenceIsAnsweredAndNothingIsSent() {
        Script script = new Script().lookup(() -> Optional.of("T1@L-1"));

        assertThat(safeCreate.create("REF", script)).isEqualTo("T1@L-1");
        assertThat(script.calls).containsExactly("lookup");
    }

    @Test
    void aTicketFoundForAnotherServiceIsAConflictNamingBothAndNothingIsSent() {
        Script script = new Script().lookup(() -> Optional.of("T1@L-2"));

        assertThatThrownBy(() -> safeCreate.create("REF", script)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("'REF'").hasMessageContaining("T1").hasMessageContaining("'L-2' on the ticket, 'L-1' in this request");
        assertThat(script.calls).containsExactly("lookup");
    }

    @Test
    void withoutAReferenceTheCreateIsSentOnceWithNoLookUp() {
        Script script = new Script().send(fails(reset()));

        assertThatThrownBy(() -> safeCreate.create(null, script)).isInstanceOf(TransportException.class);
        assertThat(script.calls).containsExactly("send");
    }

    @Test
    void aLostAnswerIsLookedUpAndTheTicketFoundIsAnswered() {
        Script script = new Script().lookup(Optional::empty).lookup(() -> Optional.of("T2@L-1")).send(fails(reset()));

        assertThat(safeCreate.create("REF", script)).isEqualTo("T2@L-1");
        assertThat(script.calls).containsExactly("lookup", "send", "lookup");
    }

    @Test
    void aGatewayErrorWhoseTicketIsNotFoundIsSentExactlyOnceMore() {
        Script script = new Script().send(fails(status(502))).send(() -> "T3@L-1");

        assertThat(safeCreate.create("REF", script)).isEqualTo("T3@L-1");
        assertThat(script.calls).containsExactly("lookup", "send", "lookup", "send");
    }

    @Test
    void aSecondUnknownOutcomeIsLookedUpALastTimeThenThrownWithTheFirstKept() {
        Script script = new Script().send(fails(status(503))).send(fails(reset()));

        assertThatThrownBy(() -> safeCreate.create("REF", script)).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(ProviderException.class));
        assertThat(script.calls).containsExactly("lookup", "send", "lookup", "send", "lookup");
    }

    @Test
    void anAcceptedCreateWhoseAnswerCannotBeReadIsNeverSentAgain() {
        Script script = new Script().send(fails(status(201)));

        assertThatThrownBy(() -> safeCreate.create("REF", script)).isInstanceOf(ProviderException.class);
        assertThat(script.calls).containsExactly("lookup", "send", "lookup");
    }

    @Test
    void aConflictIsLookedUpOnceMoreAndAnsweredWhenTheTicketIsFound() {
        ConflictException open = new ConflictException("already open", new ErrorDetails("test", 409, null, null, null, "", 1));
        Script script = new Script().lookup(Optional::empty).lookup(() -> Optional.of("T4@L-1")).send(fails(open));

        assertThat(safeCreate.create("REF", script)).isEqualTo("T4@L-1");
        assertThat(script.calls).containsExactly("lookup", "send", "lookup");
    }

    @Test
    void aConflictWhoseTicketIsNotFoundIsThrownAndNotSentAgain() {
        ConflictException open = new ConflictException("already open", new ErrorDetails("test", 409, null, null, null, "", 1));
        Script script = new Script().send(fails(open));

        assertThatThrownBy(() -> safeCreate.create("REF", script)).isSameAs(open);
        assertThat(script.calls).containsExactly("lookup", "send", "lookup");
    }

    @Test
    void aConnectionThatWasNeverMadeIsThrownWithoutLookingUpOrSendingAgain() {
        TransportException refused = new TransportException("connection refused", ErrorDetails.none("test").withAttempts(3),
                new java.net.ConnectException("refused"), false, true);
        Script script = new Script().send(fails(refused));

        assertThatThrownBy(() -> safeCreate.create("REF", script)).isSameAs(refused);
        assertThat(script.calls).containsExactly("lookup", "send");
    }

    @Test
    void aValidationRefusalIsThrownAtOnce() {
        ValidationException invalid = new ValidationException("bad", List.of(), new ErrorDetails("test", 400, null, null, null, "", 1));
        Script script = new Script().send(fails(invalid));

        assertThatThrownBy(() -> safeCreate.create("REF", script)).isSameAs(invalid);
        assertThat(script.calls).containsExactly("lookup", "send");
    }

    @Test
    void aLookUpThatFailsAfterALostAnswerLeavesTheLostAnswerToTheCallerWithTheLookUpsFailureKept() {
        TransportException lost = reset();
        Script script = new Script().lookup(Optional::empty).lookup(() -> {
            throw status(500);
        }).send(fails(lost));

        assertThatThrownBy(() -> safeCreate.create("REF", script)).isSameAs(lost)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(ProviderException.class));
        assertThat(script.calls).containsExactly("lookup", "send", "lookup");
    }

    /** Pages of two items, "t0".."t9", recording the cursors asked for. */
    private static PageFetcher<String> tenItemsTwoPerPage(List<String> cursors) {
        return cursor -> {
            cursors.add(String.valueOf(cursor));
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            String next = from + 2 < 10 ? String.valueOf(from + 2) : null;
            return Page.of(List.of("t" + from, "t" + (from + 1)), next);
        };
    }

    @Test
    void theLookUpAnswersTheFirstItemCarryingTheReferenceAndReadsNoFurther() {
        List<String> cursors = new ArrayList<>();
        assertThat(SafeCreate.findInPages(tenItemsTwoPerPage(cursors), 5, "t3"::equals)).contains("t3");
        assertThat(cursors).containsExactly("null", "2");
    }

    @Test
    void theLookUpReadsAtMostItsPagesAndStopsAtTheLastOne() {
        List<String> bounded = new ArrayList<>();
        assertThat(SafeCreate.findInPages(tenItemsTwoPerPage(bounded), 2, "t7"::equals)).isEmpty();
        assertThat(bounded).containsExactly("null", "2");

        List<String> all = new ArrayList<>();
        assertThat(SafeCreate.findInPages(tenItemsTwoPerPage(all), 50, "t99"::equals)).isEmpty();
        assertThat(all).containsExactly("null", "2", "4", "6", "8");
    }
}
