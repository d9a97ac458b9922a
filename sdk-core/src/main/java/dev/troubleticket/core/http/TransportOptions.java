package dev.troubleticket.core.http;

import dev.troubleticket.core.instrument.Instrumentation;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * How a client talks HTTP: the OkHttp client to share, timeouts, retries, and a few safety switches.
 * Immutable; built with {@link #builder()} and checked in {@link Builder#build()}.
 *
 * <p>Pass your application's {@link OkHttpClient} to share its connection pool and dispatcher; the SDK
 * derives its own client from it with {@code newBuilder()}, setting the timeouts below and turning off
 * OkHttp's silent retry on connection failure, since the SDK's {@link RetryPolicy} decides that.
 */
public final class TransportOptions {
    private final OkHttpClient okHttpClient;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final String userAgentSuffix;
    private final boolean allowInsecureHttp;
    private final TransportListener listener;
    private final long maxResponseBytes;
    private final Instrumentation instrumentation;

    private TransportOptions(Builder b) {
        this.okHttpClient = b.okHttpClient;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.attemptTimeout = b.attemptTimeout;
        this.callTimeout = b.callTimeout;
        this.retryPolicy = b.retryPolicy;
        this.userAgentSuffix = b.userAgentSuffix;
        this.allowInsecureHttp = b.allowInsecureHttp;
        this.listener = b.listener;
        this.maxResponseBytes = b.maxResponseBytes;
        this.instrumentation = b.instrumentation;
    }

    /** Options with every default. */
    public static TransportOptions defaults() {
        return builder().build();
    }

    /** Starts a builder holding every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change a few. */
    public Builder toBuilder() {
        return new Builder().okHttpClient(okHttpClient).connectTimeout(connectTimeout).readTimeout(readTimeout)
                .attemptTimeout(attemptTimeout).callTimeout(callTimeout).retryPolicy(retryPolicy)
                .userAgentSuffix(userAgentSuffix).allowInsecureHttp(allowInsecureHttp).listener(listener)
                .maxResponseBytes(maxResponseBytes).instrumentation(instrumentation);
    }

    /** The caller's OkHttp client to derive from, or {@code null} for the SDK's shared default. */
    public OkHttpClient okHttpClient() { return okHttpClient; }
    /** How long to wait for a TCP (and TLS) connection. Default 10 s. */
    public Duration connectTimeout() { return connectTimeout; }
    /** How long to wait between two reads of the answer. Default 30 s. */
    public Duration readTimeout() { return readTimeout; }
    /**
     * The limit for one attempt, connection to last byte. Default 60 s. Kept by OkHttp's own call timeout; an
     * attempt made when less than this is left of {@link #callTimeout()} gets only what is left.
     */
    public Duration attemptTimeout() { return attemptTimeout; }
    /** The limit for one call, every retry and wait included. Default 3 minutes. */
    public Duration callTimeout() { return callTimeout; }
    /** When to retry. */
    public RetryPolicy retryPolicy() { return retryPolicy; }
    /** Text appended to the SDK's user agent (your application's name and version), or {@code null}. */
    public String userAgentSuffix() { return userAgentSuffix; }
    /** Whether plain {@code http://} base URLs are allowed for hosts other than loopback. Default {@code false}. */
    public boolean allowInsecureHttp() { return allowInsecureHttp; }
    /** Told about every exchange. */
    public TransportListener listener() { return listener; }
    /**
     * The largest answer body read, in bytes (after any decompression). Default {@value #DEFAULT_MAX_RESPONSE_BYTES}
     * (32 MiB), several times the largest page a provider documents. A body declared larger fails before any
     * of it is read, and reading an undeclared one stops at the limit, so a huge or endless answer costs no
     * more memory than this; both end in a {@link dev.troubleticket.core.error.ResponseTooLargeException},
     * never retried. Settings key {@code maxResponseBytes}.
     */
    public long maxResponseBytes() { return maxResponseBytes; }
    /** What is told about operations, attempts, authentication and delivered events; {@link Instrumentation#none()} by default. */
    public Instrumentation instrumentation() { return instrumentation; }

    @Override
    public String toString() {
        return "TransportOptions[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", attemptTimeout="
                + attemptTimeout + ", callTimeout=" + callTimeout + ", retryPolicy=" + retryPolicy + ", allowInsecureHttp="
                + allowInsecureHttp + ", maxResponseBytes=" + maxResponseBytes + ", sharedOkHttpClient=" + (okHttpClient != null) + "]";
    }

    /** The default {@link #maxResponseBytes()}: 32 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;
    /** The largest {@link #maxResponseBytes()} allowed: a body is read into one array. */
    public static final long MAX_RESPONSE_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    /** Builds {@link TransportOptions}. */
    public static final class Builder {
        private OkHttpClient okHttpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration attemptTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofMinutes(3);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String userAgentSuffix;
        private boolean allowInsecureHttp;
        private TransportListener listener = TransportListener.none();
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Instrumentation instrumentation = Instrumentation.none();

        /** Sets the application's OkHttp client to derive from, sharing its pool and dispatcher. */
        public Builder okHttpClient(OkHttpClient value) { this.okHttpClient = value; return this; }
        /** Sets how long to wait for a TCP (and TLS) connection. */
        public Builder connectTimeout(Duration value) { this.connectTimeout = value; return this; }
        /** Sets how long to wait between two reads of the answer. */
        public Builder readTimeout(Duration value) { this.readTimeout = value; return this; }
        /** Sets the limit for one attempt, connection to last byte. */
        public Builder attemptTimeout(Duration value) { this.attemptTimeout = value; return this; }
        /** Sets the limit for the whole call, every retry and wait included. */
        public Builder callTimeout(Duration value) { this.callTimeout = value; return this; }
        /** Sets when and how often to retry. */
        public Builder retryPolicy(RetryPolicy value) { this.retryPolicy = value; return this; }
        /** Sets text appended to the SDK's {@code User-Agent}. */
        public Builder userAgentSuffix(String value) { this.userAgentSuffix = value; return this; }
        /** Sets whether plain {@code http://} is allowed to hosts other than loopback. */
        public Builder allowInsecureHttp(boolean value) { this.allowInsecureHttp = value; return this; }
        /** Sets the listener told of each request and answer. */
        public Builder listener(TransportListener value) { this.listener = value; return this; }
        /** Sets the largest answer read, in bytes; a larger one is a {@code ResponseTooLargeException}. */
        public Builder maxResponseBytes(long value) { this.maxResponseBytes = value; return this; }
        /**
         * Metrics and tracing: told about each operation, HTTP attempt, re-authentication, token renewal and delivered
         * event of the clients and subscriptions built with these options ({@code sdk-micrometer}, {@code sdk-opentelemetry},
         * or {@link Instrumentation#all} of both). Default {@link Instrumentation#none()}.
         */
        public Builder instrumentation(Instrumentation value) { this.instrumentation = value; return this; }

        /** Checks the options and builds them. */
        public TransportOptions build() {
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
            requirePositive(attemptTimeout, "attemptTimeout");
            requirePositive(callTimeout, "callTimeout");
            Objects.requireNonNull(retryPolicy, "retryPolicy");
            Objects.requireNonNull(listener, "listener");
            Objects.requireNonNull(instrumentation, "instrumentation");
            if (maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT) {
                throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + MAX_RESPONSE_BYTES_LIMIT
                        + " bytes, not " + maxResponseBytes);
            }
            if (callTimeout.compareTo(attemptTimeout) < 0) {
                throw new IllegalArgumentException("callTimeout (" + callTimeout + ") must not be shorter than attemptTimeout ("
                        + attemptTimeout + ")");
            }
            return new TransportOptions(this);
        }

        private static void requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
        }
    }
}
