package dev.troubleticket.core.internal;

import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.instrument.OperationObserver;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a client's operations under its {@link Instrumentation}: tells it when each starts and ends, and keeps the
 * running operation on the thread so that the transport can give its attempts to it. An operation started inside
 * another (a transition reading the ticket through {@code get}) is part of the outer one. With no instrumentation the
 * work runs as it is.
 */
public final class Operations {
    private static final ThreadLocal<RunningOperation> CURRENT = new ThreadLocal<>();

    private final String provider;
    private final Instrumentation instrumentation;

    public Operations(String provider, Instrumentation instrumentation) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
    }

    /** The operation running on this thread, or {@code null}. */
    static RunningOperation current() {
        return CURRENT.get();
    }

    /** Runs {@code work} as the operation {@code name} (an {@link Operation} constant) about {@code ticketId} (or null). */
    public <T> T call(String name, String ticketId, Supplier<T> work) {
        if (instrumentation == Instrumentation.none() || CURRENT.get() != null) {
            return work.get();
        }
        RunningOperation operation = new RunningOperation(provider, name, ticketId);
        OperationObserver observer = instrumentation.operationStarted(operation);
        CURRENT.set(operation);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            CURRENT.remove();
            observer.ended(e);
            throw e;
        }
        CURRENT.remove();
        observer.ended(null);
        return result;
    }

    /** {@link #call} for work that answers nothing. */
    public void run(String name, String ticketId, Runnable work) {
        call(name, ticketId, () -> {
            work.run();
            return null;
        });
    }

    /** The instrumentation operations are told to. */
    public Instrumentation instrumentation() {
        return instrumentation;
    }

    /** An operation as the transport records it: its attempts and last status, seen by the observer at its end. */
    static final class RunningOperation implements Operation {
        private final String provider;
        private final String name;
        private final String ticketId;
        private int attempts;
        private int lastStatus;

        RunningOperation(String provider, String name, String ticketId) {
            this.provider = provider;
            this.name = Objects.requireNonNull(name, "name");
            this.ticketId = ticketId;
        }

        void attempted() {
            attempts++;
        }

        void answered(int status) {
            lastStatus = status;
        }

        @Override public String provider() { return provider; }
        @Override public String name() { return name; }
        @Override public String ticketId() { return ticketId; }
        @Override public int attempts() { return attempts; }
        @Override public int lastStatus() { return lastStatus; }

        @Override
        public String toString() {
            return "Operation[" + provider + " " + name + ", attempts=" + attempts + ", lastStatus=" + lastStatus + "]";
        }
    }
}
