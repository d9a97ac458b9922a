package dev.troubleticket.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An idempotent handler's memory: the event ids in the order first handled, and how many came again. */
final class DeliveryLog {
    private final Set<String> firstSeen = new LinkedHashSet<>();
    private int repeats;

    /** Records an event; answers whether it was new. */
    synchronized boolean record(String id) {
        if (firstSeen.add(id)) {
            return true;
        }
        repeats++;
        return false;
    }

    synchronized List<String> inOrder() {
        return new ArrayList<>(firstSeen);
    }

    synchronized int repeats() {
        return repeats;
    }
}
