package dev.troubleticket.core.subscription;

import dev.troubleticket.core.callback.CallbackServerOptions;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How a {@link TicketSubscription} runs: its name, its store, where it starts, how often a polled provider is
 * read, which tickets and kinds of event it hands over, how a push provider reaches it, and how a failing
 * handler is retried. Options a provider has no use for are ignored by it (an interval by a push provider,
 * the callback address by a polled one).
 *
 * <pre>{@code
 * SubscriptionOptions options = SubscriptionOptions.builder("back-office")
 *         .store(FileSubscriptionStore.open(Path.of("/var/lib/backoffice/kosc.journal")))
 *         .start(StartPosition.now())
 *         .build();
 * try (TicketSubscription subscription = client.subscribe(event -> backOffice.apply(event), options)) {
 *     subscription.start();
 *     ...
 * }
 * }</pre>
 */
public final class SubscriptionOptions {
    private final String name;
    private final SubscriptionStore store;
    private final StartPosition start;
    private final Duration pollInterval;
    private final Set<String> tickets;
    private final Set<TicketEvent.Kind> kinds;
    private final InetSocketAddress callbackBind;
    private final String callbackUrl;
    private final boolean mounted;
    private final CallbackServerOptions callbackServerOptions;
    private final int handlerThreads;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration leaseTtl;
    private final String owner;
    private final int maxInFlight;

    private SubscriptionOptions(Builder b) {
        this.name = b.name;
        this.store = b.store != null ? b.store : new InMemorySubscriptionStore();
        this.start = b.start;
        this.pollInterval = b.pollInterval;
        this.tickets = Set.copyOf(b.tickets);
        this.kinds = Set.copyOf(b.kinds);
        this.callbackBind = b.callbackBind;
        this.callbackUrl = b.callbackUrl;
        this.mounted = b.mounted;
        this.callbackServerOptions = b.callbackServerOptions;
        this.handlerThreads = b.handlerThreads;
        this.maxAttempts = b.maxAttempts;
        this.firstBackoff = b.firstBackoff;
        this.maxBackoff = b.maxBackoff;
        this.leaseTtl = b.leaseTtl;
        this.owner = b.owner != null ? b.owner : defaultOwner();
        this.maxInFlight = b.maxInFlight;
    }

    /** Options for a subscription named {@code name}: the key of everything it keeps in its store. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    private static String defaultOwner() {
        // "pid@host" as the JVM names itself, and a random part so that two subscriptions of one JVM differ.
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The subscription's name. */
    public String name() { return name; }

    /** Where positions, seen events, followed tickets, the hub, the inbox and dead letters are kept. */
    public SubscriptionStore store() { return store; }

    /** Where to start when the store holds no position yet. */
    public StartPosition start() { return start; }

    /** The least time between two reads of a polled provider once caught up; {@code null} for the provider's own. */
    public Duration pollInterval() { return pollInterval; }

    /**
     * Only events of these tickets are handed over; empty for every ticket. Where tickets are followed one by one
     * (MasStack) these are followed from the start, and tickets followed later ({@code follow(id)}, tickets opened
     * through the client) are handed over too.
     */
    public Set<String> tickets() { return tickets; }

    /** Only events of these kinds are handed over; empty for every kind. */
    public Set<TicketEvent.Kind> kinds() { return kinds; }

    /** Whether the event passes the ticket and kind filters. */
    public boolean accepts(TicketEvent event) {
        return (kinds.isEmpty() || kinds.contains(event.kind()))
                && (tickets.isEmpty() || (event.ticketId() != null && tickets.contains(event.ticketId())));
    }

    /** The address a push provider's receiver binds to, or {@code null}. */
    public InetSocketAddress callbackBind() { return callbackBind; }

    /** The public URL a push provider reaches the receiver at, or {@code null} to derive it from the bind address. */
    public String callbackUrl() { return callbackUrl; }

    /** Whether the receiver is mounted in the application's own server ({@link TicketSubscription#callbackHandler()}). */
    public boolean mounted() { return mounted; }

    /** The embedded receiver's limits and timeouts. */
    public CallbackServerOptions callbackServerOptions() { return callbackServerOptions; }

    /** How many events of different tickets may be handled at once. */
    public int handlerThreads() { return handlerThreads; }

    /** How many times the handler is called with one event before it is parked. */
    public int maxAttempts() { return maxAttempts; }

    /** The wait after the first failed attempt; each next wait doubles, up to {@link #maxBackoff()}. */
    public Duration firstBackoff() { return firstBackoff; }

    /** The longest wait between two attempts. */
    public Duration maxBackoff() { return maxBackoff; }

    /** How long the store's lease lasts unless renewed (renewed at a third of it). */
    public Duration leaseTtl() { return leaseTtl; }

    /** The name of this instance in the store's lease. */
    public String owner() { return owner; }

    /** How many events may be read ahead of the handler before reading waits. */
    public int maxInFlight() { return maxInFlight; }

    @Override
    public String toString() {
        // The callback URL may carry a token: it is left out.
        return "SubscriptionOptions[name=" + name + ", store=" + store + ", start=" + start + ", pollInterval=" + pollInterval
                + ", tickets=" + tickets.size() + ", kinds=" + kinds + ", callbackBind=" + callbackBind + ", mounted=" + mounted
                + ", handlerThreads=" + handlerThreads + ", maxAttempts=" + maxAttempts + "]";
    }

    /** Builds {@link SubscriptionOptions}. */
    public static final class Builder {
        private final String name;
        private SubscriptionStore store;
        private StartPosition start = StartPosition.beginning();
        private Duration pollInterval;
        private Set<String> tickets = Set.of();
        private Set<TicketEvent.Kind> kinds = EnumSet.noneOf(TicketEvent.Kind.class);
        private InetSocketAddress callbackBind;
        private String callbackUrl;
        private boolean mounted;
        private CallbackServerOptions callbackServerOptions = CallbackServerOptions.defaults();
        private int handlerThreads = 4;
        private int maxAttempts = 5;
        private Duration firstBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(1);
        private Duration leaseTtl = Duration.ofSeconds(30);
        private String owner;
        private int maxInFlight = 10_000;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("a subscription name is 1 to 200 characters, not blank");
            }
            this.name = name;
        }

        /** Where the subscription keeps what survives a restart. Default: in memory (nothing survives). */
        public Builder store(SubscriptionStore value) { this.store = Objects.requireNonNull(value, "store"); return this; }

        /** Where to start when the store holds no position yet. Default: {@link StartPosition#beginning()}. */
        public Builder start(StartPosition value) { this.start = Objects.requireNonNull(value, "start"); return this; }

        /** The least time between two reads of a polled provider once caught up. Default: the provider's own. */
        public Builder pollInterval(Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            this.pollInterval = value;
            return this;
        }

        /** Hands over only the events of these tickets; MasStack follows them from the start. */
        public Builder tickets(Set<String> value) { this.tickets = Set.copyOf(value); return this; }

        /** Hands over only events of these kinds. */
        public Builder kinds(Set<TicketEvent.Kind> value) {
            this.kinds = value.isEmpty() ? EnumSet.noneOf(TicketEvent.Kind.class) : EnumSet.copyOf(value);
            return this;
        }

        /**
         * A push provider's receiver listens on {@code bind}, and the provider is told to call {@code publicUrl}
         * ({@code null} to derive {@code http://host:port/listener} from the bind address, for tests and a LAN).
         */
        public Builder callback(InetSocketAddress bind, String publicUrl) {
            this.callbackBind = Objects.requireNonNull(bind, "bind");
            this.callbackUrl = publicUrl;
            this.mounted = false;
            return this;
        }

        /**
         * A push provider's receiver is mounted in the application's own web server, at {@code publicUrl}: take
         * {@link TicketSubscription#callbackHandler()} and route that URL's requests (and the paths below it) to it.
         */
        public Builder mountedCallback(String publicUrl) {
            this.callbackUrl = Objects.requireNonNull(publicUrl, "publicUrl");
            this.callbackBind = null;
            this.mounted = true;
            return this;
        }

        /** The embedded receiver's limits and timeouts. */
        public Builder callbackServerOptions(CallbackServerOptions value) {
            this.callbackServerOptions = Objects.requireNonNull(value, "callbackServerOptions");
            return this;
        }

        /** How many events of different tickets may be handled at once. Default 4. */
        public Builder handlerThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("handlerThreads must be at least 1");
            }
            this.handlerThreads = value;
            return this;
        }

        /**
         * How a failing handler is retried: {@code maxAttempts} calls in all, waiting {@code firstBackoff} after the
         * first failure and twice as long after each next one, up to {@code maxBackoff}. Default 5, 1 s, 1 min.
         */
        public Builder retry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
                throw new IllegalArgumentException("backoffs must be positive, the first no longer than the longest");
            }
            this.maxAttempts = maxAttempts;
            this.firstBackoff = firstBackoff;
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** How long the store's lease lasts unless renewed. Default 30 s. */
        public Builder leaseTtl(Duration value) {
            if (value.compareTo(Duration.ofMillis(300)) < 0) {
                throw new IllegalArgumentException("leaseTtl must be at least 300 ms");
            }
            this.leaseTtl = value;
            return this;
        }

        /** This instance's name in the lease. Default: the JVM's {@code pid@host} and a random part. */
        public Builder owner(String value) { this.owner = Objects.requireNonNull(value, "owner"); return this; }

        /** How many events may be read ahead of the handler before reading waits. Default 10,000. */
        public Builder maxInFlight(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1");
            }
            this.maxInFlight = value;
            return this;
        }

        /** Makes the options. */
        public SubscriptionOptions build() {
            return new SubscriptionOptions(this);
        }
    }
}
