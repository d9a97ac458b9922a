package dev.troubleticket.core.subscription.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The other process of {@link FileSubscriptionStoreProcessTest}, one line of output per step:
 * <ul>
 *   <li>{@code try <file>}: opens the store and closes it; prints {@code OPENED}, or {@code REFUSED <message>}.</li>
 *   <li>{@code hold <file>}: opens the store, prints {@code OPENED}, closes it when its input ends or gets a line,
 *       prints {@code CLOSED}.</li>
 *   <li>{@code append <file>}: goes on from the stored position of stream {@code s}: commits event {@code k<n>} with
 *       position {@code n}, prints {@code ACK <n>} once the commit returned, then rewrites two followed tickets (so
 *       that the journal grows faster than its state and is compacted often), until it is killed.</li>
 * </ul>
 */
public final class StoreChild {
    /** Records beyond twice the live state before compaction: small, so that kills land in compactions too. */
    static final int COMPACTION_SLACK = 16;

    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "try" -> {
                try (FileSubscriptionStore store = FileSubscriptionStore.open(file)) {
                    say("OPENED " + store.file());
                } catch (SubscriptionStoreException e) {
                    say("REFUSED " + e.getMessage());
                }
            }
            case "hold" -> {
                try (FileSubscriptionStore store = FileSubscriptionStore.open(file)) {
                    say("OPENED " + store.file());
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                }
                say("CLOSED");
            }
            case "append" -> append(file);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void append(Path file) {
        FileSubscriptionStore store = FileSubscriptionStore.open(file, InMemorySubscriptionStore.DEFAULT_SEEN_WINDOW,
                Clock.systemUTC(), COMPACTION_SLACK);
        Lease lease = store.acquireLease("child", "child", Duration.ofMinutes(5)).orElseThrow();
        String stored = store.positions("child").get("s");
        long n = stored == null ? 1 : Long.parseLong(stored) + 1;
        while (true) {
            store.commit(lease, Commit.handled("child", "k" + n).withPosition("s", Long.toString(n)));
            say("ACK " + n);
            store.follow("child", new FollowedTicket("T1", "n" + n, Clock.systemUTC().instant()));
            store.follow("child", new FollowedTicket("T2", "n" + n, Clock.systemUTC().instant()));
            n++;
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
