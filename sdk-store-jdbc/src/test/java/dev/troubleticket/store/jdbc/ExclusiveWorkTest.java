package dev.troubleticket.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exclusive work (a fleet's one hub registration) between two store objects on one database, as two instances: the
 * second waits for the first's work to end, gives up after its wait with a message that says why, and work slower than
 * the idle-in-transaction timeout keeps its lock.
 */
class ExclusiveWorkTest {
    private static final String SUB = "back-office";

    private final DataSource dataSource = EmbeddedDatabase.shared().dataSource();
    private JdbcSubscriptionStore instanceA;
    private JdbcSubscriptionStore instanceB;
    private String prefix;

    @BeforeEach
    void twoInstances() {
        prefix = EmbeddedDatabase.uniquePrefix();
        instanceA = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix)
                .idleInTransactionTimeout(Duration.ofMillis(100)).build();
        instanceB = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix)
                .idleInTransactionTimeout(Duration.ofMillis(100)).exclusiveWait(Duration.ofMillis(300)).build();
        instanceA.migrate();
    }

    @AfterEach
    void close() {
        instanceA.close();
        instanceB.close();
    }

    @Test
    void secondInstanceRunsItsWorkOnlyAfterTheFirstOnesEnded() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        CountDownLatch inWork = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> instanceA.exclusively(SUB, () -> {
            inWork.countDown();
            await(release);
            steps.add("a ends");
            return "a";
        }));
        assertThat(inWork.await(10, TimeUnit.SECONDS)).isTrue();
        JdbcSubscriptionStore patient = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).build();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> patient.exclusively(SUB, () -> {
            steps.add("b runs");
            return "b";
        }));
        Thread.sleep(200);
        assertThat(steps).as("b waits while a works").isEmpty();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("b");
        assertThat(steps).containsExactly("a ends", "b runs");
        patient.close();
    }

    @Test
    void anInstanceGivesUpAfterItsWaitSayingAnotherHoldsTheLock() throws Exception {
        CountDownLatch inWork = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> instanceA.exclusively(SUB, () -> {
            inWork.countDown();
            await(release);
            return "a";
        }));
        assertThat(inWork.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> instanceB.exclusively(SUB, () -> "b"))
                    .isInstanceOf(SubscriptionStoreException.class)
                    .hasMessageContaining("another instance held the exclusive lock for 'back-office'")
                    .hasMessageContaining("pg_locks");
        } finally {
            release.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(instanceB.exclusively(SUB, () -> "b")).as("free again").isEqualTo("b");
    }

    @Test
    void workSlowerThanTheIdleInTransactionTimeoutKeepsItsLock() {
        // A hub registration the provider answers slowly: longer than the 100 ms the store's transactions may idle.
        String result = instanceA.exclusively(SUB, () -> {
            sleep(400);
            return "registered";
        });
        assertThat(result).isEqualTo("registered");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
