package dev.troubleticket.testkit.faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A dispatcher in front of a simulator that injects faults as a {@link FaultPlan} says, seeded so that
 * a run can be replayed, and counts what it injected. Put it in place with
 * {@code simulator.server().interpose(sim -> new FaultInjector(sim, plan))}.
 */
public final class FaultInjector extends Dispatcher {
    private final Dispatcher simulator;
    private final FaultPlan plan;
    private final Random random;
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private final AtomicInteger passed = new AtomicInteger();

    /** Injects the faults of {@code plan} in front of {@code simulator}. */
    public FaultInjector(Dispatcher simulator, FaultPlan plan) {
        this.simulator = simulator;
        this.plan = plan;
        this.random = new Random(plan.seed());
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        if (plan.sparedPaths().test(path)) {
            return simulator.dispatch(request);
        }
        Fault fault = choose(path);
        if (fault == null) {
            passed.incrementAndGet();
            return simulator.dispatch(request);
        }
        injected.get(fault).incrementAndGet();
        return switch (fault) {
            case HTTP_500 -> status(500, "{\"error\":\"internal server error (injected)\"}");
            case HTTP_502 -> status(502, "{\"error\":\"bad gateway (injected)\"}");
            case HTTP_503 -> new MockResponse.Builder().code(503).addHeader("Retry-After", "1")
                    .body("{\"error\":\"unavailable (injected)\"}").build();
            case RATE_LIMITED -> new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                    .body("{\"error\":\"too many requests (injected)\"}").build();
            case HTML_ERROR_PAGE -> new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                    .body("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>")
                    .build();
            // The request was read but is dropped unprocessed: to the client it is a reset before any answer.
            case RESET_BEFORE_REQUEST -> new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            case RESET_AFTER_PROCESSING -> new MockResponse.Builder(simulator.dispatch(request))
                    .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            case STALLED_BODY -> new MockResponse.Builder(simulator.dispatch(request))
                    .bodyDelay(plan.stall().toMillis(), TimeUnit.MILLISECONDS).build();
            case THROTTLED_BODY -> new MockResponse.Builder(simulator.dispatch(request))
                    .throttleBody(64, 5, TimeUnit.MILLISECONDS).build();
            case TRUNCATED_BODY -> new MockResponse.Builder(simulator.dispatch(request))
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
            case MALFORMED_JSON -> {
                simulator.dispatch(request);
                yield new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"id\": \"truncated\", \"status\": ").build();
            }
            case SLOW_TOKEN -> new MockResponse.Builder(simulator.dispatch(request))
                    .headersDelay(300, TimeUnit.MILLISECONDS).build();
        };
    }

    private synchronized Fault choose(String path) {
        double roll = random.nextDouble();
        if (plan.tokenPaths().test(path)) {
            double slow = plan.rates().getOrDefault(Fault.SLOW_TOKEN, 0.0);
            return roll < slow ? Fault.SLOW_TOKEN : null;
        }
        double cumulative = 0;
        for (Fault fault : Fault.values()) {
            if (fault == Fault.SLOW_TOKEN) {
                continue;
            }
            cumulative += plan.rates().getOrDefault(fault, 0.0);
            if (roll < cumulative) {
                return fault;
            }
        }
        return null;
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** How many of each fault were injected so far. */
    public Map<Fault, Integer> injected() {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        injected.forEach((fault, count) -> counts.put(fault, count.get()));
        return counts;
    }

    /** How many requests went through untouched. */
    public int passed() {
        return passed.get();
    }
}
