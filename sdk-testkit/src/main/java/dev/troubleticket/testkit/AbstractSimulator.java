package dev.troubleticket.testkit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * What every provider simulator shares: the loopback server it answers on, starting, the base URL and
 * closing. A simulator answers requests in {@link #handle(RecordedRequest)} and adds its provider's test API.
 *
 * @param <S> the simulator's own type, so that {@link #start(int)} chains
 */
public abstract class AbstractSimulator<S extends AbstractSimulator<S>> implements ProviderSimulator {
    private final SimulatorServer server = new SimulatorServer(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
        }
    });

    /** Answers one request as the provider would. */
    protected abstract MockResponse handle(RecordedRequest request);

    @Override
    public S start(int port) {
        server.start(port);
        return self();
    }

    /** Starts on a free loopback port. */
    public S start() {
        return start(0);
    }

    @Override
    public final SimulatorServer server() {
        return server;
    }

    /** Stops the server; a simulator with more to stop (threads, clients) overrides and calls this. */
    @Override
    public void close() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
