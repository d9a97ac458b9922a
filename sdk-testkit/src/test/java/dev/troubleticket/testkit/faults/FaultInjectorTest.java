package dev.troubleticket.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.auth.AuthProvider;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.ApiRequest;
import dev.troubleticket.core.internal.ErrorBodyParser;
import dev.troubleticket.core.internal.HttpTransport;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.testkit.SimulatorResponses;
import dev.troubleticket.testkit.SimulatorServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
    private final AtomicInteger processed = new AtomicInteger();
    private final SimulatorServer server = new SimulatorServer(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            processed.incrementAndGet();
            return SimulatorResponses.json(200, "{\"ok\":true,\"padding\":\"" + "x".repeat(2000) + "\"}");
        }
    }).start();

    @AfterEach
    void stop() {
        server.close();
    }

    private FaultInjector inject(Fault fault) {
        FaultInjector[] injector = new FaultInjector[1];
        server.interpose(sim -> injector[0] = new FaultInjector(sim, FaultPlan.builder(7).rate(fault, 1.0)
                .stall(Duration.ofSeconds(2)).build()));
        return injector[0];
    }

    private HttpTransport transport() {
        return new HttpTransport("sim", server.baseUrl(), TransportOptions.builder().readTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none()).build(), AuthProvider.none(), ErrorBodyParser.none(), Json.mapper());
    }

    private static ApiRequest get() {
        return ApiRequest.get("things/1").build();
    }

    private static ApiRequest post() {
        return ApiRequest.post("things/", RequestBody.create("{}", HttpTransport.JSON)).build();
    }

    @Test
    void serverErrorsStrikeBeforeTheSimulatorProcessesTheRequest() {
        for (Fault fault : List.of(Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503, Fault.HTML_ERROR_PAGE)) {
            inject(fault);
            assertThatThrownBy(() -> transport().send(get())).isInstanceOf(ProviderException.class);
        }
        inject(Fault.RATE_LIMITED);
        assertThatThrownBy(() -> transport().send(post())).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
        assertThat(processed).hasValue(0);
    }

    @Test
    void aResetBeforeTheRequestIsReadLeavesNothingProcessed() {
        inject(Fault.RESET_BEFORE_REQUEST);
        assertThatThrownBy(() -> transport().send(post())).isInstanceOf(TransportException.class);
        assertThat(processed).hasValue(0);
    }

    @Test
    void aResetAfterProcessingIsTheAmbiguousCase() {
        inject(Fault.RESET_AFTER_PROCESSING);
        assertThatThrownBy(() -> transport().send(post())).isInstanceOf(TransportException.class);
        assertThat(processed).hasValue(1);
    }

    @Test
    void truncatedAndStalledBodiesBecomeTransportFailures() {
        inject(Fault.TRUNCATED_BODY);
        assertThatThrownBy(() -> transport().send(get(), JsonNode.class)).isInstanceOf(TransportException.class);
        inject(Fault.STALLED_BODY);
        assertThatThrownBy(() -> transport().send(get(), JsonNode.class)).isInstanceOf(TransportException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void malformedJsonBecomesAProviderExceptionKeepingTheBody() {
        inject(Fault.MALFORMED_JSON);
        assertThatThrownBy(() -> transport().send(get(), JsonNode.class)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.rawBody()).startsWith("{\"id\": \"truncated\""));
    }

    @Test
    void aThrottledBodyArrivesWhole() {
        inject(Fault.THROTTLED_BODY);
        assertThat(transport().send(get(), JsonNode.class).get("padding").asText()).hasSize(2000);
    }

    @Test
    void theSameSeedInjectsTheSameFaultsInTheSameOrder() {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            FaultInjector[] injector = new FaultInjector[1];
            server.interpose(sim -> injector[0] = new FaultInjector(sim, FaultPlan.builder(42)
                    .rate(Fault.HTTP_500, 0.3).rate(Fault.HTTP_503, 0.2).build()));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                try {
                    transport().send(get());
                    statuses.add(200);
                } catch (ProviderException e) {
                    statuses.add(e.httpStatus());
                }
            }
            runs.add(statuses);
            assertThat(injector[0].injected().get(Fault.HTTP_500) + injector[0].injected().get(Fault.HTTP_503) + injector[0].passed())
                    .isEqualTo(30);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains(200, 500, 503);
    }
}
