package dev.troubleticket.core;

import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The asynchronous face of a {@link TicketingClient}: the same operations, each returning a
 * {@link CompletableFuture} completed on the given executor. Failures complete the future
 * exceptionally with the same {@link dev.troubleticket.core.error.TicketingException} the blocking call
 * would have thrown.
 *
 * <p>Obtain one with {@link TicketingClient#async(Executor)}. The executor is the caller's: a virtual-thread
 * or bounded pool fits, and the caller shuts it down.
 */
public final class AsyncTicketingClient {
    private final TicketingClient client;
    private final Executor executor;

    AsyncTicketingClient(TicketingClient client, Executor executor) {
        this.client = Objects.requireNonNull(client, "client");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The blocking client behind this one. */
    public TicketingClient blocking() {
        return client;
    }

    /** Opens a ticket, as {@link TicketingClient#create}, on the executor. */
    public CompletableFuture<Ticket> create(CreateTicketRequest request) {
        return run(() -> client.create(request));
    }

    /** Reads one ticket, as {@link TicketingClient#get}, on the executor. */
    public CompletableFuture<Ticket> get(String ticketId) {
        return run(() -> client.get(ticketId));
    }

    /** Adds a comment, as {@link TicketingClient#comment}, on the executor. */
    public CompletableFuture<TicketEvent> comment(String ticketId, String text) {
        return run(() -> client.comment(ticketId, text));
    }

    /** Moves a ticket to another status, as {@link TicketingClient#transition}, on the executor. */
    public CompletableFuture<Ticket> transition(String ticketId, StatusChange change) {
        return run(() -> client.transition(ticketId, change));
    }

    /** Reads a ticket's events, oldest first, as {@link TicketingClient#history}, on the executor. */
    public CompletableFuture<List<TicketEvent>> history(String ticketId) {
        return run(() -> client.history(ticketId));
    }

    /** Says what the operator may do next, as {@link TicketingClient#allowedTransitions}, on the executor. */
    public CompletableFuture<List<AllowedTransition>> allowedTransitions(String ticketId) {
        return run(() -> client.allowedTransitions(ticketId));
    }

    private <T> CompletableFuture<T> run(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }
}
