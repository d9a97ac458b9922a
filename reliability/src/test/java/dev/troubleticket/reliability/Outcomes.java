package dev.troubleticket.reliability;

import dev.troubleticket.core.error.TicketingException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs calls and sorts what became of them: a success, a typed {@link TicketingException}, or a
 * breach of the contract (any other exception, or a call that outlasted its time budget).
 */
final class Outcomes {
    private final Duration budget;
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong typedFailures = new AtomicLong();
    private final ConcurrentLinkedQueue<String> breaches = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> typedKinds = new ConcurrentLinkedQueue<>();

    Outcomes(Duration budget) {
        this.budget = budget;
    }

    /** Runs one call; empty when it failed (typed or not). */
    <T> Optional<T> call(String what, Supplier<T> operation) {
        operations.incrementAndGet();
        long start = System.nanoTime();
        try {
            return Optional.ofNullable(operation.get());
        } catch (TicketingException e) {
            typedFailures.incrementAndGet();
            List<String> leaks = SecretRegistry.leaksIn(e + " " + e.details());
            if (!leaks.isEmpty()) {
                breaches.add(what + " failed with a message holding a " + leaks);
            }
            if (typedKinds.size() < 50) {
                typedKinds.add(what + " -> " + e.getClass().getSimpleName() + " (" + e.httpStatus() + ")");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            breaches.add(what + " threw " + e);
            return Optional.empty();
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(budget) > 0) {
                breaches.add(what + " took " + took.toMillis() + " ms, over its budget of " + budget.toMillis() + " ms");
            }
        }
    }

    /** Runs one call that returns nothing. */
    boolean run(String what, Runnable operation) {
        return call(what, () -> {
            operation.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    long operations() {
        return operations.get();
    }

    long typedFailures() {
        return typedFailures.get();
    }

    /** Calls that broke the contract: untyped exceptions, blown budgets. */
    List<String> breaches() {
        return List.copyOf(breaches);
    }

    /** A sample of the typed failures, for a failing assertion's message. */
    List<String> typedSample() {
        return List.copyOf(typedKinds);
    }
}
