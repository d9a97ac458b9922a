package dev.troubleticket.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters of a Kosc client and subscription, against the Kosc simulator on a real port. */
class MicrometerInstrumentationTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private KoscSimulator simulator;
    private TicketingClient client;

    @BeforeEach
    void start() {
        simulator = new KoscSimulator().start();
        TransportOptions transport = TransportOptions.builder()
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(2).withSleeper(delay -> { }))
                .instrumentation(MicrometerInstrumentation.of(registry))
                .build();
        client = TicketingClients.create("kosc", ProviderSettings.of(simulator.clientSettings().asMap(), transport));
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private Ticket openTicket() {
        return client.create(simulator.sampleCreateRequest("REF-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    private Timer requests(String operation, String outcome, String status) {
        return registry.find(MicrometerInstrumentation.REQUESTS).tag("provider", "kosc").tag("operation", operation)
                .tag("outcome", outcome).tag("status", status).timer();
    }

    private double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void eachOperationOfALifecycleIsTimedWithProviderOperationOutcomeAndStatusClass() {
        Ticket ticket = openTicket();
        client.get(ticket.id());
        client.get(ticket.id());
        client.comment(ticket.id(), "looked at the line");
        client.history(ticket.id());

        assertThat(requests("create", "success", "2xx")).isNotNull().extracting(Timer::count).isEqualTo(1L);
        assertThat(requests("get", "success", "2xx").count()).isEqualTo(2);
        assertThat(requests("comment", "success", "2xx").count()).isEqualTo(1);
        assertThat(requests("history", "success", "2xx").count()).isEqualTo(1);
        assertThat(requests("get", "success", "2xx").totalTime(TimeUnit.NANOSECONDS)).isPositive();
        // Every series has exactly the four documented tags: no ticket id, no URL.
        assertThat(registry.find(MicrometerInstrumentation.REQUESTS).timers()).allSatisfy(timer ->
                assertThat(timer.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
                        .containsExactlyInAnyOrder("provider", "operation", "outcome", "status"));
        assertThat(registry.find(MicrometerInstrumentation.ATTEMPTS).tag("operation", "get").tag("method", "GET")
                .tag("status", "2xx").timer().count()).isEqualTo(2);
    }

    @Test
    void aServiceUnavailableAnswerFollowedBySuccessCountsOneRetry() {
        Ticket ticket = openTicket();
        AtomicInteger refused = new AtomicInteger();
        simulator.server().interpose(next -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().contains(ticket.id()) && refused.getAndIncrement() == 0) {
                    return new MockResponse.Builder().code(503).build();
                }
                return next.dispatch(request);
            }
        });

        client.get(ticket.id());

        assertThat(counter(MicrometerInstrumentation.RETRIES, "provider", "kosc", "reason", "503")).isEqualTo(1);
        assertThat(requests("get", "success", "2xx").count()).isEqualTo(1);
        assertThat(registry.find(MicrometerInstrumentation.ATTEMPTS).tag("operation", "get").tag("status", "5xx")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void anUnknownTicketIsTimedAsNotFoundWithA4xxStatus() {
        assertThatThrownBy(() -> client.get("00000000-0000-0000-0000-000000000000")).isInstanceOf(NotFoundException.class);

        assertThat(requests("get", "not_found", "4xx")).isNotNull().extracting(Timer::count).isEqualTo(1L);
        assertThat(requests("get", "success", "2xx")).isNull();
    }

    @Test
    void aRefusedTokenCountsOneReauthenticationAndOneRenewal() {
        Ticket ticket = openTicket();
        assertThat(counter(MicrometerInstrumentation.TOKEN_RENEWALS, "provider", "kosc", "kind", "first")).isEqualTo(1);

        simulator.revokeTokens();
        client.get(ticket.id());

        assertThat(counter(MicrometerInstrumentation.REAUTHENTICATIONS, "provider", "kosc")).isEqualTo(1);
        assertThat(counter(MicrometerInstrumentation.TOKEN_RENEWALS, "provider", "kosc", "kind", "renewal")).isEqualTo(1);
        assertThat(requests("get", "success", "2xx").count()).isEqualTo(1);
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeTheNextCallAndCounted() {
        // Shorter than the client's renewal margin (60 s): each call after the first finds the token expiring.
        simulator.accessTokenLifetime(Duration.ofSeconds(30));
        Ticket ticket = openTicket();
        double renewedBefore = counter(MicrometerInstrumentation.TOKEN_RENEWALS, "provider", "kosc", "kind", "renewal");
        client.get(ticket.id());

        assertThat(counter(MicrometerInstrumentation.TOKEN_RENEWALS, "provider", "kosc", "kind", "first")).isEqualTo(1);
        assertThat(counter(MicrometerInstrumentation.TOKEN_RENEWALS, "provider", "kosc", "kind", "renewal"))
                .isEqualTo(renewedBefore + 1);
        assertThat(counter(MicrometerInstrumentation.REAUTHENTICATIONS, "provider", "kosc")).isZero();
    }

    @Test
    void aTypedClientBuiltByItsBuilderIsMeasuredToo() {
        try (KoscClient typed = KoscClient.builder().baseUrl(simulator.baseUrl())
                .v2Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD)
                .transportOptions(TransportOptions.builder().instrumentation(MicrometerInstrumentation.of(registry)).build())
                .build()) {
            Ticket ticket = typed.create(simulator.sampleCreateRequest("REF-" + UUID.randomUUID().toString().substring(0, 8)));
            typed.get(ticket.id());
        }
        assertThat(requests("get", "success", "2xx").count()).isEqualTo(1);
    }

    @Test
    void aRunningSubscriptionHasGaugesThatGoAwayWhenItCloses() {
        List<TicketEvent> received = new CopyOnWriteArrayList<>();
        TicketSubscription subscription = client.subscribe(received::add, SubscriptionOptions.builder("metered")
                .store(new InMemorySubscriptionStore()).pollInterval(Duration.ofMillis(100)).build()).start();
        try {
            Ticket ticket = openTicket();
            simulator.resolve(ticket.id(), "line resynchronised");
            eventually(() -> received.stream().anyMatch(e -> e.status() == TicketStatus.RESOLVED));

            assertThat(registry.find(SubscriptionGauges.RUNNING).tag("provider", "kosc").tag("subscription", "metered").gauge().value()).isEqualTo(1);
            assertThat(registry.find(SubscriptionGauges.LEASE_HELD).tag("subscription", "metered").gauge().value())
                    .isEqualTo(1);
            assertThat(registry.find(SubscriptionGauges.DELIVERED).tag("subscription", "metered").functionCounter().count())
                    .isEqualTo(subscription.health().delivered()).isGreaterThanOrEqualTo(2);
            assertThat(registry.find(SubscriptionGauges.PARKED).tag("subscription", "metered").gauge().value()).isZero();
            assertThat(registry.find(SubscriptionGauges.INBOX_DEPTH).tag("subscription", "metered").gauge().value()).isZero();
            assertThat(registry.find(SubscriptionGauges.LAG).tag("subscription", "metered").timeGauge()).isNotNull();
            assertThat(registry.find(MicrometerInstrumentation.DELIVERIES).tag("provider", "kosc")
                    .tag("subscription", "metered").tag("outcome", "success").timer().count())
                    .isGreaterThanOrEqualTo(received.size());
            assertThat(registry.find(MicrometerInstrumentation.REQUESTS).tag("operation", "poll").tag("outcome", "success")
                    .timer()).isNotNull();
        } finally {
            subscription.close();
        }

        List<Meter> left = registry.getMeters().stream()
                .filter(m -> "metered".equals(m.getId().getTag("subscription")))
                .filter(m -> !m.getId().getName().equals(MicrometerInstrumentation.DELIVERIES))
                .toList();
        assertThat(left).isEmpty();
    }

    @Test
    void aFailingHandlerIsTimedWithItsOutcome() {
        TicketSubscription subscription = client.subscribe(event -> {
            throw new IllegalStateException("handler down");
        }, SubscriptionOptions.builder("failing").store(new InMemorySubscriptionStore()).pollInterval(Duration.ofMillis(100))
                .retry(1, Duration.ofMillis(10), Duration.ofMillis(10)).build()).start();
        try {
            openTicket();
            eventually(() -> registry.find(MicrometerInstrumentation.DELIVERIES).tag("subscription", "failing")
                    .tag("outcome", "error").timer() != null);
            eventually(() -> registry.find(SubscriptionGauges.FAILED).tag("subscription", "failing").functionCounter()
                    .count() >= 1);
        } finally {
            subscription.close();
        }
    }

    @Test
    void healthIsReadOncePerCachePeriodHoweverManyGaugesAreRead() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        MicrometerInstrumentation instrumentation = MicrometerInstrumentation.builder(own).healthCacheTtl(Duration.ofHours(1))
                .build();
        AtomicInteger reads = new AtomicInteger();
        TicketSubscription subscription = client.subscribe(event -> { }, SubscriptionOptions.builder("counted")
                .store(new InMemorySubscriptionStore()).build());
        TicketSubscription counting = (TicketSubscription) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {TicketSubscription.class}, (proxy, method, args) -> {
                    if (method.getName().equals("health")) {
                        reads.incrementAndGet();
                    }
                    return method.invoke(subscription, args);
                });
        instrumentation.subscriptionStarted(counting);
        scrape(own);
        scrape(own);

        assertThat(own.getMeters()).hasSize(7);
        assertThat(reads).hasValue(1);
        instrumentation.subscriptionStopped(counting);
        assertThat(own.getMeters()).isEmpty();
    }

    @Test
    void aClosedTicketsTransitionIsTimedAsItsOwnOperation() {
        Ticket ticket = openTicket();
        simulator.resolve(ticket.id(), "fixed");
        client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED));
        assertThat(requests("transition", "success", "2xx").count()).isEqualTo(1);
    }

    /** Reads every value of every meter, as a scrape does (a measurement is read when asked for its value). */
    private static void scrape(SimpleMeterRegistry registry) {
        registry.getMeters().forEach(meter -> meter.measure().forEach(io.micrometer.core.instrument.Measurement::getValue));
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
