package dev.troubleticket.nexera.listener;

/**
 * Where a {@link Tmf621EventHandler} puts each notification it accepted, before it answers the provider. A
 * durable subscription's sink writes the event to its store's inbox; a sink of your own should keep it as safely,
 * since the provider does not send an acknowledged event again.
 */
@FunctionalInterface
public interface Tmf621EventSink {

    /**
     * Takes one event. Returning means the event is safe (stored): the provider is answered 200.
     *
     * @return {@code false} when it was taken before (the provider missed our answer and sent it again): it is
     *         answered 200 all the same and not taken twice
     * @throws MalformedEventException when the event cannot be used, however often it is sent: answered 400
     * @throws RuntimeException when it could not be taken: the provider is answered 503, so that it sends again
     */
    boolean take(Tmf621Event event);
}
