package dev.troubleticket.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Runs a provider simulator's {@link Dispatcher} on a {@link MockWebServer} bound to loopback, in a
 * test or standalone ({@code ticketctl simulate}). Every provider simulator owns one.
 *
 * <p>A {@linkplain #interpose(UnaryOperator) wrapper} can be put in front of the simulator's dispatcher,
 * for fault injection: it sees each request before the simulator and may answer instead of it.
 */
public final class SimulatorServer implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Dispatcher simulator;
    private volatile Dispatcher front;

    /** A server that answers with {@code simulator}; not started until {@code start} is called. */
    public SimulatorServer(Dispatcher simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.front = simulator;
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                try {
                    return front.dispatch(request);
                } finally {
                    forgetRecordedRequests();
                }
            }
        });
    }

    /**
     * MockWebServer keeps every request it receives for {@code takeRequest()}, which a simulator never calls: over a
     * long run (ticketctl simulate, a benchmark's ten thousand tickets) the heap would fill with them.
     */
    private void forgetRecordedRequests() throws InterruptedException {
        while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
            // dropped
        }
    }

    /** Starts on a free loopback port. */
    public SimulatorServer start() {
        return start(0);
    }

    /** Starts on the given loopback port ({@code 0} for any free one). */
    public SimulatorServer start(int port) {
        try {
            server.start(InetAddress.getLoopbackAddress(), port);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start simulator on port " + port, e);
        }
    }

    /** Puts a dispatcher in front of the simulator, given the simulator's own; {@code UnaryOperator.identity()} removes it. */
    public void interpose(UnaryOperator<Dispatcher> wrapper) {
        this.front = wrapper.apply(simulator);
    }

    /** The base URL, ending in {@code /}. */
    public String baseUrl() {
        return server.url("/").toString();
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** How many requests reached the server (faults included). */
    public int requestCount() {
        return server.getRequestCount();
    }

    /** The oldest request the underlying server still keeps, removed, or {@code null}: for a test that none is kept. */
    RecordedRequest oldestKeptRequest() throws InterruptedException {
        return server.takeRequest(0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        server.close();
    }
}
