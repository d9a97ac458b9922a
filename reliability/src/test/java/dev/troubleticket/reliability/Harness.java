package dev.troubleticket.reliability;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.faults.Fault;
import dev.troubleticket.testkit.faults.FaultInjector;
import dev.troubleticket.testkit.faults.FaultPlan;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One provider's simulator and a neutral client to it, built as a back office would (through
 * {@link TicketingClients}), on an {@link OkHttpClient} the test owns so that its connection pool can
 * be inspected, with short timeouts, a fast sleeper, and a listener counting retries.
 */
final class Harness implements AutoCloseable {
    static final Duration READ_TIMEOUT = Duration.ofMillis(250);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);
    /** What a call may take beyond its call timeout (scheduling on a busy 2-core machine). */
    static final Duration BUDGET_SLACK = Duration.ofSeconds(2);
    /** How often a subscription reads a polled provider once caught up. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** The shortest lease a store grants: a process that died without releasing it is replaced this soon. */
    static final Duration LEASE_TTL = Duration.ofMillis(300);
    /** No faults, but the requests are counted. */
    private static final FaultPlan HEALED = FaultPlan.builder(0).build();

    final ProviderProfile profile;
    final ProviderSimulator simulator;
    final OkHttpClient okHttp;
    final RetryCounter retries = new RetryCounter();
    final TicketingClient client;
    private final TransportOptions transport;
    private FaultInjector injector;
    /** What injectors replaced by a later {@link #inject} had injected. */
    private final Map<Fault, Integer> earlier = new EnumMap<>(Fault.class);
    /** Requests injectors replaced by a later {@link #inject} had let through. */
    private long earlierPassed;
    private int callbackPort;

    Harness(ProviderProfile profile) {
        this.profile = profile;
        this.simulator = profile.newSimulator().start(0);
        heal(); // counts every request from the first
        this.okHttp = new OkHttpClient.Builder().connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES)).build();
        TransportOptions options = TransportOptions.builder()
                .okHttpClient(okHttp)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(READ_TIMEOUT)
                .attemptTimeout(ATTEMPT_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(4).withSleeper(new FastSleeper()))
                .listener(retries)
                .build();
        this.transport = options;
        this.client = newClient();
    }

    /** Another client to the same simulator on the same pool, as after a restart of the back office. */
    TicketingClient newClient() {
        return TicketingClients.create(profile.id(), ProviderSettings.of(profile.settings(simulator), transport));
    }

    /**
     * Options for a subscription of this harness's provider, the same for every provider: a short poll interval
     * (polled providers), the shortest lease, and for a push provider a receiver on a loopback port that stays the
     * same for the harness's life, so that a restarted subscription binds it again and reuses the registration.
     */
    SubscriptionOptions.Builder subscriptionOptions(String name, SubscriptionStore store) {
        SubscriptionOptions.Builder options = SubscriptionOptions.builder(name)
                .store(store)
                .pollInterval(POLL_INTERVAL)
                .leaseTtl(LEASE_TTL)
                .retry(3, Duration.ofMillis(10), Duration.ofMillis(50));
        if (client.supports(Capability.PUSH_NOTIFICATIONS)) {
            options.callback(new InetSocketAddress("127.0.0.1", callbackPort()), null);
        }
        return options;
    }

    private synchronized int callbackPort() {
        if (callbackPort == 0) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                callbackPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return callbackPort;
    }

    /** Puts the plan's faults in front of the simulator. */
    synchronized Harness inject(FaultPlan plan) {
        if (injector != null) {
            injector.injected().forEach((fault, count) -> earlier.merge(fault, count, Integer::sum));
            earlierPassed += injector.passed();
        }
        simulator.server().interpose(real -> {
            injector = new FaultInjector(real, plan);
            return injector;
        });
        return this;
    }

    /** Removes the faults (to read the final state cleanly); the requests are still counted. */
    void heal() {
        inject(HEALED);
    }

    /** The faults injected so far, by kind, by every plan put in place. */
    synchronized Map<Fault, Integer> injected() {
        Map<Fault, Integer> all = new EnumMap<>(earlier);
        if (injector != null) {
            injector.injected().forEach((fault, count) -> all.merge(fault, count, Integer::sum));
        }
        return all;
    }

    /** Every request the simulator was sent so far, faulted or not. */
    synchronized long requests() {
        return faulted() + earlierPassed + (injector == null ? 0 : injector.passed());
    }

    /** The requests answered with a fault so far (every kind, slow token answers included). */
    synchronized long faulted() {
        return injected().values().stream().mapToLong(n -> n).sum();
    }

    /**
     * Connections still checked out of the pool once every call has finished: a leaked response body
     * keeps its connection busy for ever. Waits briefly, since a connection is given back just after
     * the body is closed.
     */
    int leakedConnections() throws InterruptedException {
        ConnectionPool pool = okHttp.connectionPool();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.connectionCount() - pool.idleConnectionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return pool.connectionCount() - pool.idleConnectionCount();
    }

    @Override
    public void close() {
        client.close();
        simulator.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
