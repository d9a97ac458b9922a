package dev.troubleticket.reliability;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A neutral subscription ({@link TicketingClient#subscribe}) as a back office runs it across crashes, the same for
 * every provider: a supervisor thread watches the running process and, when the {@link KillSwitch} has killed it
 * (or it stopped by itself), closes what is left of it and starts a new one after a seeded short downtime, with a
 * new client and a new subscription of the same name on the same durable store. The new process is, by seeded
 * turns, the same instance (the same lease owner, as a configured instance name would be: it takes the dead run's
 * lease back at once) or another one (a new owner: it waits for the dead run's lease to lapse, then takes it with a
 * newer fencing token). The handler is a {@link DeliveryLog}.
 */
final class RestartableSubscription implements AutoCloseable {
    private static final int MAX_START_ATTEMPTS = 30;

    private final Harness harness;
    private final String name;
    private final DurableStore durable;
    private final KillSwitch kill;
    private final DeliveryLog log;
    private final Random downtime;
    private final Thread supervisor;
    private final Thread.UncaughtExceptionHandler previousHandler;
    private final List<String> unexpectedStops = new CopyOnWriteArrayList<>();
    private volatile Run current;
    private volatile boolean closing;
    private volatile int restarts;
    private volatile int failedStarts;
    private volatile long downtimeMillis;
    private volatile int asAnotherInstance;
    private String owner;

    /** Where the subscription's store lives across runs of the process. */
    interface DurableStore extends AutoCloseable {
        /** The store as a new run of the process opens it. */
        SubscriptionStore open();

        /** The run that opened {@code store} died: what a crash releases (a file lock) is released. */
        void crashed(SubscriptionStore store);

        @Override
        void close();

        /** What the report calls it. */
        String kind();

        /** One in-memory store kept across runs, as a database would be. */
        static DurableStore inMemory() {
            InMemorySubscriptionStore store = new InMemorySubscriptionStore();
            return of("memory store", () -> store, false);
        }

        /**
         * A store opened by each run and closed when it dies ({@code reopen} true: a file store), or one instance
         * kept across runs.
         */
        static DurableStore of(String kind, Supplier<SubscriptionStore> opener, boolean reopen) {
            return new DurableStore() {
                private SubscriptionStore last;

                @Override
                public synchronized SubscriptionStore open() {
                    if (reopen || last == null) {
                        last = opener.get();
                    }
                    return last;
                }

                @Override
                public synchronized void crashed(SubscriptionStore store) {
                    if (reopen) {
                        store.close();
                        if (last == store) {
                            last = null;
                        }
                    }
                }

                @Override
                public synchronized void close() {
                    if (last != null) {
                        last.close();
                    }
                }

                @Override
                public String kind() {
                    return kind;
                }
            };
        }
    }

    /** One run of the process. */
    private record Run(KillSwitch.Life life, TicketingClient client, SubscriptionStore store, TicketSubscription subscription) {
    }

    RestartableSubscription(Harness harness, String name, DurableStore durable, KillSwitch kill, DeliveryLog log) {
        this.harness = harness;
        this.name = name;
        this.durable = durable;
        this.kill = kill;
        this.log = log;
        this.downtime = new Random(FaultPlans.SEED + name.hashCode());
        // A killed thread of the SDK's ends with a Killed error: it is expected, not worth a line on the console.
        this.previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (!(error instanceof KillSwitch.Killed)) {
                if (previousHandler != null) {
                    previousHandler.uncaughtException(thread, error);
                } else {
                    System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                    error.printStackTrace(System.err);
                }
            }
        });
        this.owner = name + "-instance-0";
        this.current = startRun();
        this.supervisor = new Thread(this::supervise, "reliability-supervisor-" + name);
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void supervise() {
        while (!closing) {
            Run run = current;
            try {
                if (run.life().dead()) {
                    restart(run);
                } else {
                    SubscriptionHealth health = run.subscription().health();
                    if (!health.running() && !run.life().dead()) {
                        unexpectedStops.add(String.valueOf(health.lastError()));
                        restart(run);
                    }
                }
            } catch (KillSwitch.Killed diedWhileAsked) {
                continue;
            }
            pause(5);
        }
    }

    private void restart(Run dead) {
        long diedAt = System.nanoTime();
        end(dead);
        pause(downtime.nextInt(40));
        if (downtime.nextBoolean()) {
            asAnotherInstance++;
            owner = name + "-instance-" + (restarts + 1);
        }
        if (!closing) {
            restarts++;
            current = startRun();
            downtimeMillis += (System.nanoTime() - diedAt) / 1_000_000;
        }
    }

    /** Closes what is left of a run (a crash frees its port, threads and file lock). */
    private void end(Run run) {
        try {
            run.subscription().close();
        } catch (KillSwitch.Killed | RuntimeException deadAlready) {
            // Whatever the dead process still tried failed: nothing of it remains.
        }
        run.client().close();
        durable.crashed(run.store());
    }

    /** Starts a new run; a start that fails (the provider's registration through the faults) is tried again. */
    private Run startRun() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < MAX_START_ATTEMPTS && !closing; attempt++) {
            KillSwitch.Life life = kill.newLife();
            TicketingClient client = harness.newClient();
            SubscriptionStore store = durable.open();
            KillableSubscriptionStore view = new KillableSubscriptionStore(store, life, log);
            TicketEventHandler handler = event -> {
                life.at(KillSwitch.Point.BEFORE_HANDLER);
                log.record(event);
                KillableSubscriptionStore.handledOnThisThread(DeliveryLog.identity(event));
            };
            TicketSubscription subscription = client.subscribe(handler, harness.subscriptionOptions(name, view).owner(owner).build());
            try {
                subscription.start();
                return new Run(life, client, store, subscription);
            } catch (TicketingException | SubscriptionStoreException | KillSwitch.Killed e) {
                failedStarts++;
                last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                end(new Run(life, client, store, subscription));
                pause(20);
            }
        }
        throw new AssertionError("the subscription could not be started in " + MAX_START_ATTEMPTS + " attempts", last);
    }

    /**
     * Follows a ticket opened elsewhere (MasStack keeps it in the store; other providers ignore it), in whichever
     * run is alive.
     */
    void follow(String ticketId) {
        for (int attempt = 0; ; attempt++) {
            Run run = current;
            try {
                run.subscription().follow(ticketId);
                return;
            } catch (KillSwitch.Killed died) {
                awaitNewRun(run);
            } catch (TicketingException providerDown) {
                if (attempt >= 10) {
                    throw providerDown;
                }
                pause(20);
            }
        }
    }

    private void awaitNewRun(Run dead) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (current == dead && System.nanoTime() < deadline) {
            pause(5);
        }
    }

    /**
     * Waits until {@code condition} holds, the subscription restarting as it dies.
     *
     * @return whether it held before {@code timeoutMillis}
     */
    boolean awaitUntil(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(20);
        }
        return true;
    }

    /** The running subscription's health (of the run alive now). */
    SubscriptionHealth health() {
        return current.subscription().health();
    }

    int restarts() {
        return restarts;
    }

    int failedStarts() {
        return failedStarts;
    }

    /** Restarts as another instance (a new lease owner), which waited for the dead run's lease to lapse. */
    int asAnotherInstance() {
        return asAnotherInstance;
    }

    /** How long the process was down on average, from its death to the next start's return. */
    long meanDowntimeMillis() {
        return restarts == 0 ? 0 : downtimeMillis / restarts;
    }

    /** Stops that no kill caused, with the subscription's last error. */
    List<String> unexpectedStops() {
        return List.copyOf(unexpectedStops);
    }

    String storeKind() {
        return durable.kind();
    }

    /** The push registration the store holds, if any. */
    Optional<String> hubId() {
        return current.store().hub(name).map(HubRegistration::hubId);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            supervisor.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Run run = current;
        if (run != null) {
            end(run);
        }
        durable.close();
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }
}
