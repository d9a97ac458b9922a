package dev.troubleticket.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.Page;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.error.UnsupportedCapabilityException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.instrument.Outcome;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every adapter's neutral client must show, run against the adapter's simulator. Each
 * adapter module extends this class (as jclouds' {@code BaseBlobIntegrationTest} is extended), so that
 * the neutral API means the same on every provider: the lifecycle from creation to closing with its history
 * oldest first, a create repeated after a lost answer, listing across pages, how HTTP failures map onto the
 * exceptions, and {@code unwrap}. Faults are put in front of the simulator ({@link #interpose}) and the client
 * retries without waiting ({@link #RETRIES} retries, waits recorded instead of slept), so a test takes milliseconds.
 */
public abstract class TicketingClientContractTest {
    /** How many times the contract's clients retry. */
    protected static final int RETRIES = 2;
    private static final String ANSWER = "the customer is home from 9 to 12";

    /** Plays the provider's side of the lifecycle on the simulator. */
    public interface ProviderSide {
        /** The provider clears / resolves the ticket. */
        void resolve(String ticketId);

        /** The provider asks the operator for more information (defers the ticket). */
        void askForInformation(String ticketId);

        /** A provider side made of its two moves, for a simulator whose moves are one call each. */
        static ProviderSide of(Consumer<String> resolve, Consumer<String> askForInformation) {
            return new ProviderSide() {
                @Override
                public void resolve(String ticketId) {
                    resolve.accept(ticketId);
                }

                @Override
                public void askForInformation(String ticketId) {
                    askForInformation.accept(ticketId);
                }
            };
        }
    }

    protected TicketingClient client;
    /** The waits the client's retry policy asked for, recorded instead of slept. */
    protected final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** What the client's instrumentation was told; every contract client is instrumented with it. */
    protected final RecordingInstrumentation recorded = new RecordingInstrumentation();

    /**
     * A new client connected to a fresh simulator, sending with {@code transport} (the contract's quick retries):
     * {@code ProviderSettings.of(simulator.clientSettings().asMap(), transport)}.
     */
    protected abstract TicketingClient newClient(TransportOptions transport);

    /** Puts {@code wrapper} in front of the simulator's dispatcher ({@code simulator.server().interpose(wrapper)}). */
    protected abstract void interpose(UnaryOperator<Dispatcher> wrapper);

    /** The provider's side of the same simulator. */
    protected abstract ProviderSide providerSide();

    /**
     * A create request the provider accepts, with the given external reference: the simulator's
     * {@code sampleCreateRequest(externalReference)}.
     */
    protected abstract CreateTicketRequest validCreateRequest(String externalReference);

    /** A create request that breaks at least two of the provider's rules the SDK can check. */
    protected abstract CreateTicketRequest requestBreakingTwoRules();

    /** The type of the provider's own typed API, reachable through {@code unwrap}. */
    protected abstract Class<?> providerApiType();

    /** Stops the simulator. */
    protected abstract void stopSimulator();

    /**
     * What the provider alone shows once the contract's lifecycle walk is over: its own statuses and actions. Called
     * with the ticket as {@code create} answered it, now closed; nothing by default.
     */
    protected void checkProviderSideOfLifecycle(Ticket created) {
    }

    @BeforeEach
    void startClient() {
        client = newClient(TransportOptions.builder()
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(RETRIES).withSleeper(waits::add))
                .instrumentation(recorded).build());
    }

    @AfterEach
    void stopClient() {
        client.close();
        stopSimulator();
    }

    private static String newReference() {
        return "REF-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Ticket openTicket() {
        return client.create(validCreateRequest(newReference()));
    }

    /** In front of the simulator: answers {@code answer} to the requests that match, counting them; passes the others. */
    private AtomicInteger answerInstead(Predicate<RecordedRequest> matches, MockResponse answer) {
        AtomicInteger answered = new AtomicInteger();
        interpose(simulator -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (matches.test(request)) {
                    answered.incrementAndGet();
                    return answer;
                }
                return simulator.dispatch(request);
            }
        });
        return answered;
    }

    private static Predicate<RecordedRequest> naming(String ticketId) {
        return request -> request.getUrl().encodedPath().contains(ticketId);
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void createdTicketCanBeReadBackWithProviderStatusAndRawPayload() {
        String reference = "REF-" + UUID.randomUUID().toString().substring(0, 8);
        Ticket created = client.create(validCreateRequest(reference));

        Ticket read = client.get(created.id());

        assertThat(read.id()).isEqualTo(created.id());
        assertThat(read.provider()).isEqualTo(client.provider());
        assertThat(read.externalReference()).isEqualTo(reference);
        assertThat(read.status()).isIn(TicketStatus.SUBMITTED, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS);
        assertThat(read.providerStatus()).isNotBlank();
        assertThat(read.raw().json()).contains(reference);
    }

    @Test
    void invalidCreateIsRefusedBeforeSendingListingEveryViolation() {
        assertThatThrownBy(() -> client.create(requestBreakingTwoRules()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.violations()).hasSizeGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void unknownTicketIsNotFound() {
        assertThatThrownBy(() -> client.get("does-not-exist-42")).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(waits).as("not retried").isEmpty();
    }

    @Test
    void listingWalksEveryPageWithoutMissingOrRepeatingATicketOrIsDeclaredUnsupported() {
        Set<String> created = new LinkedHashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(openTicket().id());
        }
        TicketQuery threePerPage = TicketQuery.builder().pageSize(3).build();
        if (!client.supports(Capability.LIST)) {
            assertThatThrownBy(() -> client.list(threePerPage)).isInstanceOf(UnsupportedCapabilityException.class);
            return;
        }
        List<String> paged = new ArrayList<>();
        int pages = 0;
        for (Page<Ticket> page : client.list(threePerPage).pages()) {
            pages++;
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(ticket -> paged.add(ticket.id()));
        }

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(paged).doesNotHaveDuplicates().containsAll(created);
        assertThat(client.list(threePerPage).stream().map(Ticket::id).toList()).as("the item view").isEqualTo(paged);
    }

    @Test
    void commentAppearsInHistory() {
        Ticket created = openTicket();
        String text = "line checked at the customer's premises " + UUID.randomUUID();
        if (!client.supports(Capability.COMMENT)) {
            assertThatThrownBy(() -> client.comment(created.id(), text)).isInstanceOf(UnsupportedCapabilityException.class);
            return;
        }
        client.comment(created.id(), text);
        if (client.supports(Capability.HISTORY)) {
            List<TicketEvent> history = client.history(created.id());
            assertThat(history).extracting(TicketEvent::comment).contains(text);
        }
    }

    @Test
    void closingATicketThatIsNotResolvedIsRefusedBeforeSending() {
        Ticket created = openTicket();
        assertThat(client.allowedTransitions(created.id())).extracting(AllowedTransition::target)
                .doesNotContain(TicketStatus.CLOSED);
        assertThatThrownBy(() -> client.transition(created.id(), StatusChange.to(TicketStatus.CLOSED)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reachedProvider()).isFalse());
    }

    @Test
    void ticketWalksFromCreationToClosedAndItsHistoryListsEveryStepOldestFirst() {
        Ticket created = openTicket();
        String id = created.id();

        providerSide().askForInformation(id);
        assertThat(client.get(id).status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
        Ticket answered = client.transition(id, StatusChange.to(TicketStatus.IN_PROGRESS).withComment(ANSWER));
        assertThat(answered.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(client.get(id).status()).isEqualTo(TicketStatus.IN_PROGRESS);

        providerSide().resolve(id);
        assertThat(client.get(id).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(client.allowedTransitions(id)).extracting(AllowedTransition::target).contains(TicketStatus.CLOSED);
        Ticket closed = client.transition(id, StatusChange.to(TicketStatus.CLOSED).withComment("fault cleared, thank you"));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(client.get(id).status()).isEqualTo(TicketStatus.CLOSED);

        if (client.supports(Capability.HISTORY)) {
            List<TicketEvent> history = client.history(id);
            List<TicketStatus> statuses = history.stream().map(TicketEvent::status).filter(Objects::nonNull).toList();
            assertThat(statuses).as("oldest first").first().isEqualTo(created.status());
            assertThat(statuses).containsSubsequence(TicketStatus.WAITING_FOR_OPERATOR, TicketStatus.IN_PROGRESS,
                    TicketStatus.RESOLVED, TicketStatus.CLOSED).last().isEqualTo(TicketStatus.CLOSED);
            List<Instant> times = history.stream().map(TicketEvent::occurredAt).filter(Objects::nonNull).toList();
            assertThat(times).isSorted();
            assertThat(history).allSatisfy(event -> assertThat(event.ticketId()).isEqualTo(id));
        } else {
            assertThatThrownBy(() -> client.history(id)).isInstanceOf(UnsupportedCapabilityException.class);
        }
        checkProviderSideOfLifecycle(created);
    }

    @Test
    void createRepeatedAfterItsAnswerWasLostGivesTheOneTicketOrSaysTheOutcomeIsUnknown() {
        String reference = newReference();
        CreateTicketRequest request = validCreateRequest(reference);
        AtomicInteger lost = new AtomicInteger();
        // The provider opens the ticket, then the connection drops before its answer: the client cannot know.
        interpose(simulator -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest received) throws InterruptedException {
                boolean create = "POST".equals(received.getMethod()) && received.getBody() != null
                        && received.getBody().utf8().contains(reference);
                if (create && lost.getAndIncrement() == 0) {
                    return new MockResponse.Builder(simulator.dispatch(received))
                            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
                }
                return simulator.dispatch(received);
            }
        });

        if (!client.supports(Capability.IDEMPOTENT_CREATE)) {
            assertThatThrownBy(() -> client.create(request)).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.reachedProvider()).isTrue());
            assertThat(lost).as("sent once, never resent once it may have reached the provider").hasValue(1);
            return;
        }
        Ticket created = client.create(request);
        Ticket again = client.create(request);

        assertThat(created.externalReference()).isEqualTo(reference);
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(lost).as("the lost create was found by its reference, not sent again").hasValue(1);
        if (client.supports(Capability.LIST)) {
            assertThat(client.list(TicketQuery.all()).stream().filter(t -> reference.equals(t.externalReference())))
                    .hasSize(1);
        }
    }

    @Test
    void aCredentialStillRefusedAfterReauthenticatingIsAnAuthenticationException() {
        Ticket created = openTicket();
        AtomicInteger refused = answerInstead(naming(created.id()), status(401, "{\"error\":\"invalid token\"}"));

        assertThatThrownBy(() -> client.get(created.id())).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(refused.get()).as("one more try after one re-authentication, at most").isBetween(1, 2);
        assertThat(recorded.reauthentications).as("a re-authentication is told when, and only when, it is tried")
                .hasSize(refused.get() - 1);
        assertThat(recorded.operations.get(recorded.operations.size() - 1).outcome()).isEqualTo(Outcome.AUTHENTICATION);
    }

    @Test
    void rateLimitingThatOutlastsTheRetriesIsRateLimitedWithTheWaitTheProviderAsked() {
        Ticket created = openTicket();
        AtomicInteger limited = answerInstead(naming(created.id()), new MockResponse.Builder().code(429)
                .addHeader("Retry-After", "2").body("{\"error\":\"too many requests\"}").build());

        assertThatThrownBy(() -> client.get(created.id())).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
            assertThat(e.attempts()).isEqualTo(RETRIES + 1);
        });
        assertThat(limited).hasValue(RETRIES + 1);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void serverErrorsThatOutlastTheRetriesAreAProviderExceptionKeepingTheBody() {
        Ticket created = openTicket();
        AtomicInteger failed = answerInstead(naming(created.id()), status(503, "{\"error\":\"maintenance\"}"));

        assertThatThrownBy(() -> client.get(created.id())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.attempts()).isEqualTo(RETRIES + 1);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.rawBody()).contains("maintenance");
        });
        assertThat(failed).hasValue(RETRIES + 1);
        interpose(UnaryOperator.identity());
        assertThat(client.get(created.id()).id()).as("the next call goes through").isEqualTo(created.id());
    }

    @Test
    void eachOperationIsToldOnceWithItsProviderTicketAttemptsAndOutcome() {
        Ticket created = openTicket();
        client.get(created.id());
        client.allowedTransitions(created.id());

        assertThat(recorded.open).as("every operation ended").isEmpty();
        assertThat(recorded.operationNames()).as("a call made inside another is part of it")
                .containsExactly(Operation.CREATE, Operation.GET, Operation.ALLOWED_TRANSITIONS);
        assertThat(recorded.operations).allSatisfy(operation -> {
            assertThat(operation.provider()).isEqualTo(client.provider());
            assertThat(operation.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(operation.attempts()).isPositive();
            assertThat(operation.lastStatus()).isBetween(200, 299);
        });
        assertThat(recorded.operations.get(0).ticketId()).isNull();
        assertThat(recorded.operations.get(1).ticketId()).isEqualTo(created.id());
        assertThat(recorded.attempts).as("each attempt belongs to its operation")
                .allSatisfy(attempt -> assertThat(attempt.operation()).isNotNull())
                .hasSize(recorded.operations.stream().mapToInt(RecordingInstrumentation.Ended::attempts).sum());
    }

    @Test
    void aFailedOperationEndsWithTheOutcomeOfItsExceptionAndTheLastStatus() {
        assertThatThrownBy(() -> client.get("does-not-exist-42")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.create(requestBreakingTwoRules())).isInstanceOf(ValidationException.class);

        assertThat(recorded.operations).extracting(RecordingInstrumentation.Ended::name, RecordingInstrumentation.Ended::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Operation.GET, Outcome.NOT_FOUND),
                        org.assertj.core.groups.Tuple.tuple(Operation.CREATE, Outcome.INVALID));
        assertThat(recorded.operations.get(0).lastStatus()).isEqualTo(404);
        assertThat(recorded.operations.get(1).attempts()).as("refused before sending").isZero();
        assertThat(recorded.open).isEmpty();
    }

    @Test
    void headersTheInstrumentationSetsReachTheProviderOnEveryAttempt() {
        List<String> seen = new CopyOnWriteArrayList<>();
        interpose(simulator -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                seen.add(String.valueOf(request.getHeaders().get(RecordingInstrumentation.HEADER)));
                return simulator.dispatch(request);
            }
        });

        client.get(openTicket().id());

        assertThat(seen).isNotEmpty().doesNotContain("null");
    }

    @Test
    void aRetriedAttemptIsToldAsARetryAndAsAnotherAttemptOfTheSameOperation() {
        Ticket created = openTicket();
        AtomicInteger failures = new AtomicInteger();
        interpose(simulator -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (naming(created.id()).test(request) && failures.getAndIncrement() == 0) {
                    return status(503, "{\"error\":\"maintenance\"}");
                }
                return simulator.dispatch(request);
            }
        });
        int before = recorded.attempts.size();

        client.get(created.id());

        List<RecordingInstrumentation.Attempt> attempts = recorded.attempts.subList(before, recorded.attempts.size());
        assertThat(attempts).extracting(RecordingInstrumentation.Attempt::status).containsExactly(503, 200);
        assertThat(attempts).extracting(RecordingInstrumentation.Attempt::number).containsExactly(1, 2);
        assertThat(recorded.retries).singleElement().asString().endsWith(" 503");
        RecordingInstrumentation.Ended get = recorded.operations.get(recorded.operations.size() - 1);
        assertThat(get.attempts()).isEqualTo(2);
        assertThat(get.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void unwrapGivesTheProviderApiOrTheClientItselfAndRefusesOtherTypesNamingWhatIsOffered() {
        assertThat(client.unwrap(providerApiType())).isInstanceOf(providerApiType());
        assertThat(client.unwrap(client.getClass())).isSameAs(client);
        assertThat(client.unwrap(TicketingClient.class)).isSameAs(client);
        assertThat(client.unwrap(Object.class)).as("the typed API comes first").isInstanceOf(providerApiType());
        assertThatThrownBy(() -> client.unwrap(Runnable.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(client.provider()).hasMessageContaining(providerApiType().getSimpleName())
                .hasMessageContaining(Runnable.class.getName());
        assertThatThrownBy(() -> client.unwrap(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void asyncFaceCompletesWithTheSameTicket() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Ticket created = client.async(executor).create(validCreateRequest("ASYNC-" + UUID.randomUUID().toString().substring(0, 6)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(client.async(executor).get(created.id()).get(30, TimeUnit.SECONDS).id()).isEqualTo(created.id());
        } finally {
            executor.shutdownNow();
        }
    }
}
