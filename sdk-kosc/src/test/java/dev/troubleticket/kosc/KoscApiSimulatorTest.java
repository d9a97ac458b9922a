package dev.troubleticket.kosc;

import dev.troubleticket.core.contract.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.model.ClearCode;
import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.kosc.model.KoscEventData;
import dev.troubleticket.kosc.model.KoscEventType;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import dev.troubleticket.kosc.model.OrderInfoMessage;
import dev.troubleticket.kosc.model.Responsibility;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every operation of the typed API against the stateful simulator. */
class KoscApiSimulatorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final KoscSimulator simulator = new KoscSimulator(clock).start();
    private final KoscClient client = KoscClient.builder().baseUrl(simulator.baseUrl())
            .v2Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD).clock(clock).build();
    private final KoscApi api = client.unwrap(KoscApi.class);

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private KoscTicket open(String reference) {
        KoscTicket ticket = api.createTicket(KoscTestData.typedRequest(reference).build());
        clock.advance(Duration.ofSeconds(1));
        return ticket;
    }

    @Test
    void createdTicketHasAnAliasAndCanBeReadByIdAliasAndUuid() {
        KoscTicket created = open("PB12_32");

        assertThat(created.alias()).matches("T\\d{6}_\\d{5}");
        assertThat(created.status()).isEqualTo(KoscTicketStatus.OPEN);
        assertThat(api.getTicket(String.valueOf(created.id())).operatorTicketRef()).isEqualTo("PB12_32");
        assertThat(api.getTicket(created.alias()).id()).isEqualTo(created.id());
        assertThat(api.getTicket(created.uuid()).id()).isEqualTo(created.id());
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }

    @Test
    void initialCommentBecomesTheFirstEvent() {
        KoscTicket created = open("PB-FIRST");

        List<KoscTicketEvent> events = api.listTicketEvents(created.alias());

        assertThat(events).hasSize(1);
        assertThat(events.get(0).status()).isEqualTo(KoscTicketStatus.OPEN);
        assertThat(events.get(0).comment()).isEqualTo("Hello, customer complains about a low bitrate issue.");
    }

    @Test
    void listingIsLazyMostRecentlyModifiedFirstAndFollowsTheSortValueCursor() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(open("LIST-" + i).id().asLong());
        }
        int before = simulator.server().requestCount();

        Iterator<KoscTicket> listing = api.listTickets(TicketListQuery.all().withLimit(2)).iterator();
        List<Long> firstTwo = List.of(listing.next().id().asLong(), listing.next().id().asLong());
        assertThat(simulator.server().requestCount() - before).as("one page fetched for two items").isEqualTo(1);

        List<Long> all = api.listTickets(TicketListQuery.all().withLimit(2)).stream().map(t -> t.id().asLong()).toList();
        assertThat(firstTwo).containsExactly(ids.get(4), ids.get(3));
        assertThat(all).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        Page<KoscTicket> first = api.ticketPage(TicketListQuery.all().withLimit(2), null);
        assertThat(first.nextCursor()).isEqualTo(first.items().get(1).sortValue());
    }

    @Test
    void listingFiltersByStatus() {
        KoscTicket deferred = open("STATUS-1");
        open("STATUS-2");
        simulator.defer(deferred.alias(), "which floor?");

        assertThat(api.listTickets(TicketListQuery.withStatus(KoscTicketStatus.DEFERRED)).stream().map(KoscTicket::id))
                .containsExactly(deferred.id());
        assertThat(client.list(TicketQuery.builder().status(TicketStatus.WAITING_FOR_OPERATOR).build()).stream()
                .map(t -> t.id())).containsExactly(String.valueOf(deferred.id()));
    }

    @Test
    void limitAboveOneHundredIsRefusedBeforeSending() {
        int before = simulator.server().requestCount();

        assertThatThrownBy(() -> api.listTickets(TicketListQuery.all().withLimit(101)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("limit");
                });
        assertThat(simulator.server().requestCount()).isEqualTo(before);
    }

    @Test
    void secondOpenTicketOnTheSameServiceIsAConflictInKoscsWords() {
        KoscTicket first = open("SERVICE-1");

        assertThatThrownBy(() -> api.createTicket(KoscTestData.typedRequest("SERVICE-2").serviceUuid(first.serviceUuid()).build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("already open on this service");
                    assertThat(e.details().requestId()).startsWith("KOSC_");
                });
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }

    @Test
    void secondOpenTicketOnTheSameDiagnosticRunIsAConflictButAClosedOneIsNot() {
        KoscTicket first = open("DIAG-1");

        assertThatThrownBy(() -> api.createTicket(KoscTestData.typedRequest("DIAG-3")
                .diagnosticRunId(api.getTicket(first.alias()).diagnosticRunAlias()).build()))
                .isInstanceOf(ConflictException.class);

        simulator.resolve(first.alias(), "done");
        api.closeTicket(first.alias(), null);
        KoscTicket again = api.createTicket(KoscTestData.typedRequest("DIAG-4").serviceUuid(first.serviceUuid()).build());
        assertThat(again.status()).isEqualTo(KoscTicketStatus.OPEN);
    }

    @Test
    void unknownAndNonStandardDiagnosticRunsAreRefusedByKoscWithFieldErrors() {
        simulator.registerDiagnosticRun("D170403_777", false);

        assertThatThrownBy(() -> api.createTicket(KoscTestData.typedRequest("UNKNOWN-DIAG").diagnosticRunId("42").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("diagnostic_run_id");
                    assertThat(e.violations().get(0).message()).contains("does not exist");
                    assertThat(e.rawBody()).contains("apirequest_uuid");
                });
        assertThatThrownBy(() -> api.createTicket(KoscTestData.typedRequest("NONSTANDARD").diagnosticRunId("D170403_777").build()))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).message()).contains("not a standard diagnostic"));
        assertThat(simulator.ticketsCreated()).isZero();
    }

    @Test
    void movingOtpSlammingAndOtherGoWithoutDiagnosticRun() {
        KoscTicket moving = api.createTicket(KoscTestData.typedRequest("NODIAG-1").category("moving_otp").diagnosticRunId(null).build());
        KoscTicket slamming = api.createTicket(KoscTestData.typedRequest("NODIAG-2").category("slamming").diagnosticRunId("").build());
        KoscTicket other = api.createTicket(KoscTestData.typedRequest("NODIAG-3").category("other").diagnosticRunId(null).build());
        assertThat(other.category().value()).isEqualTo("other");

        assertThat(moving.diagnosticRunId()).isNull();
        assertThat(slamming.status()).isEqualTo(KoscTicketStatus.OPEN);
    }

    @Test
    void closeIsRefusedUnlessTicketIsCleared() {
        KoscTicket ticket = open("CLOSE-1");
        int before = simulator.server().requestCount();

        assertThatThrownBy(() -> api.closeTicket(ticket.alias(), "done?"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.getMessage()).contains("'open'").contains("none (Kosc must act first)");
                });
        assertThat(simulator.server().requestCount() - before).as("only the ticket was read").isEqualTo(1);

        simulator.clear(ticket.alias(), "modem", "the modem was unplugged");
        KoscTicket cleared = api.getTicket(ticket.alias());
        assertThat(cleared.clearCode()).isEqualTo(ClearCode.MODEM);
        assertThat(cleared.responsability()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(cleared.nextAvailableStatus()).containsExactly(KoscTicketStatus.CLOSED);

        KoscTicketEvent closed = api.closeTicket(ticket.alias(), "thanks");
        assertThat(closed.status()).isEqualTo(KoscTicketStatus.CLOSED);
        assertThat(closed.comment()).isEqualTo("thanks");
        assertThat(simulator.ticketStatus(ticket.alias())).isEqualTo("closed");
    }

    @Test
    void refusalNamesTheTransitionsAllowedFromTheTicketsStatus() {
        KoscTicket ticket = open("DEFER-1");
        simulator.defer(ticket.alias(), "which floor?");

        assertThatThrownBy(() -> client.transition(ticket.alias(), StatusChange.to(TicketStatus.CLOSED)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'deferred'").hasMessageContaining("open (IN_PROGRESS)");
        assertThatThrownBy(() -> client.transition(ticket.alias(), StatusChange.to(TicketStatus.CANCELLED)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("open (IN_PROGRESS)");
    }

    @Test
    void deferredStatusEndsWithoutACommentSendingOnlyTheStatus() {
        KoscTicket ticket = open("DEFER-2");
        simulator.defer(ticket.alias(), "which floor?");

        KoscTicketEvent event = api.endDeferred(ticket.alias(), null);

        assertThat(event.status()).isEqualTo(KoscTicketStatus.OPEN);
        assertThat(event.comment()).isNull();
        assertThat(api.getTicket(ticket.alias()).status()).isEqualTo(KoscTicketStatus.OPEN);
    }

    @Test
    void reopenedAndCanceledTicketsMapOntoNeutralStatuses() {
        KoscTicket reopened = open("REOPEN-1");
        simulator.clear(reopened.alias(), "other_kosc", null);
        simulator.reopen(reopened.alias(), "not fixed after all");
        KoscTicket canceled = open("CANCEL-1");
        simulator.cancel(canceled.alias(), "duplicate");

        assertThat(client.get(reopened.alias()).status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(client.get(reopened.alias()).providerStatus()).isEqualTo("reopen");
        assertThat(client.allowedTransitions(reopened.alias())).isEmpty();
        assertThat(client.get(canceled.alias()).status()).isEqualTo(TicketStatus.CANCELLED);
    }

    @Test
    void commentOnAClosedTicketIsRefusedByKoscWithItsWords() {
        KoscTicket ticket = open("COMMENT-1");
        simulator.cancel(ticket.alias(), "duplicate");

        assertThatThrownBy(() -> api.comment(ticket.alias(), "still there?"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isTrue();
                    assertThat(e.getMessage()).contains("canceled");
                });
    }

    @Test
    void unknownTicketIsNotFound() {
        assertThatThrownBy(() -> api.getTicket("T000000_00000")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void feedListsEventsOldestFirstWithTypedDataAndPagesThroughSortValues() {
        simulator.emitOrderEvent("order-1", "order-submitted", Map.of("kosc_order_ref", "O170331_12004"));
        simulator.emitOrderEvent("order-1", "order-acknowledged", null);
        simulator.emitServiceEvent("service-9", "service-activated", null);
        simulator.emitOrderEvent("order-2", "order-rejected", Map.of("reject_reason", "ar_ko", "reject_code", "CDE_ANNUL",
                "reject_subcode", "CLI003"));
        simulator.emitOrderEvent("order-1", "order-completed", Map.of("endpoints",
                List.of(Map.of("service_uuid", "s-1", "service_alias", "S170331_00001"))));

        List<KoscEvent> all = api.listEvents(EventQuery.all().withPageSize(2)).stream().toList();

        assertThat(all).extracting(e -> e.type().value()).containsExactly("order-submitted", "order-acknowledged",
                "service-activated", "order-rejected", "order-completed");
        assertThat(all.get(0).data()).isEqualTo(new KoscEventData.OrderSubmitted("O170331_12004"));
        assertThat(all.get(3).data()).isEqualTo(new KoscEventData.OrderRejected("ar_ko", "CDE_ANNUL", "CLI003", null));
        assertThat(((KoscEventData.OrderCompleted) all.get(4).data()).endpoints().get(0).serviceAlias()).isEqualTo("S170331_00001");
        assertThat(api.listEvents(EventQuery.all().withObject("order", "order-1")).stream().map(KoscEvent::type))
                .containsExactly(KoscEventType.ORDER_SUBMITTED, KoscEventType.ORDER_ACKNOWLEDGED, KoscEventType.ORDER_COMPLETED);
        assertThat(api.listEvents(EventQuery.all().withObjectType("service")).stream().map(KoscEvent::objectUuid))
                .containsExactly("service-9");
        assertThat(api.getEvent(all.get(2).eventUuid()).objectType()).isEqualTo("service");
        assertThatThrownBy(() -> api.getEvent("nope1234")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void infoMessageIsThrottledForFiveMinutesPerOrder() {
        Optional<KoscEvent> sent = api.sendOrderInfo("order-7", OrderInfoMessage.stoppingDeferred("You fix your ungoing problem"));
        assertThat(sent).get().extracting(KoscEvent::data)
                .isEqualTo(new KoscEventData.InfoMessage("You fix your ungoing problem", true));

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> api.sendOrderInfo("order-7", OrderInfoMessage.of("again")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(4));
                });
        assertThat(api.sendOrderInfo("order-8", OrderInfoMessage.of("another order is not throttled"))).isPresent();

        clock.advance(Duration.ofMinutes(4));
        assertThat(api.sendOrderInfo("order-7", OrderInfoMessage.of("now it is allowed"))).isPresent();
        assertThat(api.listEvents(EventQuery.all().withObject("order", "order-7")).stream().count()).isEqualTo(2);
    }

    @Test
    void throttledInfoMessageWithoutRetryAfterSaysFiveMinutes() {
        simulator.sendRetryAfter(false);
        api.sendOrderInfo("order-9", OrderInfoMessage.of("first"));

        assertThatThrownBy(() -> api.sendOrderInfo("order-9", OrderInfoMessage.of("second")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(5)));
    }

    @Test
    void createWhoseAnswerIsLostFindsTheTicketInsteadOfOpeningASecond() {
        simulator.dropNextAnswerAfterProcessing();

        KoscTicket created = api.createTicket(KoscTestData.typedRequest("LOST-ANSWER").build());

        assertThat(created.operatorTicketRef()).isEqualTo("LOST-ANSWER");
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }

    @Test
    void createLostBeforeReachingKoscIsSentOnceMore() {
        simulator.server().interpose(real -> new mockwebserver3.Dispatcher() {
            private boolean dropped;

            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
                if (!dropped && request.getMethod().equals("POST") && request.getUrl().encodedPath().equals("/api/tickets/")) {
                    dropped = true;
                    return new mockwebserver3.MockResponse.Builder()
                            .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket(true, false, false)).build();
                }
                return real.dispatch(request);
            }
        });

        KoscTicket created = api.createTicket(KoscTestData.typedRequest("NEVER-ARRIVED").build());

        assertThat(created.operatorTicketRef()).isEqualTo("NEVER-ARRIVED");
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }
}
