package dev.troubleticket.core.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Limits and timeouts of an embedded {@link CallbackServer}, so that slow, silent or too many connections
 * cannot stop it from answering the provider. Immutable; {@link #builder()} checks the values in
 * {@code build()}. The largest body accepted is the handler's {@link CallbackHandler#maxBodyBytes()}.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>what it bounds</th></tr>
 *   <tr><td>{@code maxConnections}</td><td>1,000</td><td>open connections; further ones wait in the accept backlog</td></tr>
 *   <tr><td>{@code maxThreads}</td><td>16</td><td>the server's threads (reads are non-blocking: a slow peer holds none)</td></tr>
 *   <tr><td>{@code headerTimeout}</td><td>10 s</td><td>from a connection's opening, or from the first byte of a later
 *       request on it, until the request's headers are complete</td></tr>
 *   <tr><td>{@code bodyTimeout}</td><td>30 s</td><td>from the headers until the body is complete</td></tr>
 *   <tr><td>{@code idleTimeout}</td><td>30 s</td><td>a connection on which nothing arrives</td></tr>
 *   <tr><td>{@code acceptBacklog}</td><td>1,024</td><td>connections the system queues before they are accepted</td></tr>
 * </table>
 */
public final class CallbackServerOptions {
    private static final CallbackServerOptions DEFAULTS = builder().build();

    private final int maxConnections;
    private final int maxThreads;
    private final Duration headerTimeout;
    private final Duration bodyTimeout;
    private final Duration idleTimeout;
    private final int acceptBacklog;

    private CallbackServerOptions(Builder b) {
        this.maxConnections = b.maxConnections;
        this.maxThreads = b.maxThreads;
        this.headerTimeout = b.headerTimeout;
        this.bodyTimeout = b.bodyTimeout;
        this.idleTimeout = b.idleTimeout;
        this.acceptBacklog = b.acceptBacklog;
    }

    /** The defaults of the table above. */
    public static CallbackServerOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().maxConnections(maxConnections).maxThreads(maxThreads).headerTimeout(headerTimeout)
                .bodyTimeout(bodyTimeout).idleTimeout(idleTimeout).acceptBacklog(acceptBacklog);
    }

    /** The most connections open at once. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The most threads the server runs. */
    public int maxThreads() {
        return maxThreads;
    }

    /** How long a request's headers may take to arrive. */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /** How long a request's body may take to arrive once its headers are in. */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    /** How long a connection may stay silent before it is closed. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** How many connections the system queues before they are accepted. */
    public int acceptBacklog() {
        return acceptBacklog;
    }

    @Override
    public String toString() {
        return "CallbackServerOptions[maxConnections=" + maxConnections + ", maxThreads=" + maxThreads + ", headerTimeout="
                + headerTimeout + ", bodyTimeout=" + bodyTimeout + ", idleTimeout=" + idleTimeout + ", acceptBacklog=" + acceptBacklog + "]";
    }

    /** Builds {@link CallbackServerOptions}. */
    public static final class Builder {
        private int maxConnections = 1_000;
        private int maxThreads = 16;
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int acceptBacklog = 1_024;

        private Builder() {
        }

        /** Open connections at most. Default 1,000. */
        public Builder maxConnections(int value) {
            this.maxConnections = value;
            return this;
        }

        /** The server's threads at most (at least 4: one accepts, one selects). Default 16. */
        public Builder maxThreads(int value) {
            this.maxThreads = value;
            return this;
        }

        /** How long a request's headers may take to arrive. Default 10 s. */
        public Builder headerTimeout(Duration value) {
            this.headerTimeout = Objects.requireNonNull(value, "headerTimeout");
            return this;
        }

        /** How long a request's body may take to arrive after its headers. Default 30 s. */
        public Builder bodyTimeout(Duration value) {
            this.bodyTimeout = Objects.requireNonNull(value, "bodyTimeout");
            return this;
        }

        /** How long a connection may stay silent. Default 30 s. */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = Objects.requireNonNull(value, "idleTimeout");
            return this;
        }

        /** Connections the system may queue before they are accepted. Default 1,024. */
        public Builder acceptBacklog(int value) {
            this.acceptBacklog = value;
            return this;
        }

        /**
         * Checks the values and builds the options.
         *
         * @throws IllegalArgumentException naming every problem
         */
        public CallbackServerOptions build() {
            List<String> problems = new ArrayList<>();
            if (maxConnections < 1) {
                problems.add("maxConnections must be at least 1");
            }
            if (maxThreads < 4) {
                problems.add("maxThreads must be at least 4 (one thread accepts, one selects, the others handle)");
            }
            if (acceptBacklog < 1) {
                problems.add("acceptBacklog must be at least 1");
            }
            positive("headerTimeout", headerTimeout, problems);
            positive("bodyTimeout", bodyTimeout, problems);
            positive("idleTimeout", idleTimeout, problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid callback server options: " + String.join("; ", problems));
            }
            return new CallbackServerOptions(this);
        }

        private static void positive(String name, Duration value, List<String> problems) {
            if (value.isNegative() || value.isZero()) {
                problems.add(name + " must be positive");
            }
        }
    }
}
