package dev.troubleticket.benchmarks;

import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.ProviderSimulators;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One neutral create request per provider: its simulator's {@code sampleCreateRequest}, made once per provider and
 * run, so that every benchmark call (and the canned server's captured create body) sends the same request. The
 * external reference is fixed and short enough for MasStack's 15-character update limit.
 */
public final class SampleRequests {
    /** The external reference of every benchmark create. */
    public static final String REFERENCE = "BENCH-0001";
    private static final Map<String, CreateTicketRequest> REQUESTS = new ConcurrentHashMap<>();

    private SampleRequests() {
    }

    /**
     * The create request used for {@code provider}.
     *
     * @throws IllegalArgumentException when no simulator is known for it
     */
    public static CreateTicketRequest forProvider(String provider) {
        return REQUESTS.computeIfAbsent(provider, SampleRequests::sample);
    }

    private static CreateTicketRequest sample(String provider) {
        // Never started: the simulator only writes the request.
        try (ProviderSimulator simulator = ProviderSimulators.create(provider)) {
            return simulator.sampleCreateRequest(REFERENCE);
        }
    }
}
