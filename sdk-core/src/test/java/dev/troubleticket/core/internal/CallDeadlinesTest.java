package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallDeadlinesTest {
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient();
    // Short ticks and idle time so that the test sees the watcher act; every deadline goes to the watcher.
    private final CallDeadlines deadlines = new CallDeadlines(Duration.ofMillis(5), Duration.ZERO, Duration.ofMillis(100));

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private Call call() {
        return client.newCall(new Request.Builder().url(server.url("/")).build());
    }

    @Test
    void aCallPastItsDeadlineIsCancelledAndTheWatchSaysSo() {
        server.enqueue(new MockResponse.Builder().body("late").headersDelay(20, TimeUnit.SECONDS).build());
        Call call = call();
        long started = System.nanoTime();

        try (CallDeadlines.Watch watch = deadlines.watch(call, Duration.ofMillis(200).toNanos())) {
            assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
            assertThat(watch.expired()).isTrue();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(10));
        assertThat(call.isCanceled()).isTrue();
    }

    @Test
    void aCallDoneInTimeIsNeitherCancelledNorWatchedAfterItsWatchCloses() throws Exception {
        server.enqueue(new MockResponse.Builder().body("on time").build());
        Call call = call();
        CallDeadlines.Watch watch = deadlines.watch(call, Duration.ofMillis(50).toNanos());
        try (watch; Response response = call.execute()) {
            assertThat(response.body().string()).isEqualTo("on time");
        }
        Thread.sleep(200);

        assertThat(watch.expired()).isFalse();
        assertThat(call.isCanceled()).isFalse();
    }

    @Test
    void theWatcherStopsWhenIdleAndTheNextCallStartsItAgain() throws Exception {
        server.enqueue(new MockResponse.Builder().body("one").build());
        server.enqueue(new MockResponse.Builder().body("two").headersDelay(20, TimeUnit.SECONDS).build());
        Call first = call();
        try (CallDeadlines.Watch watch = deadlines.watch(first, Duration.ofSeconds(5).toNanos()); Response response = first.execute()) {
            assertThat(deadlines.watching()).isTrue();
            response.body().string();
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (deadlines.watching() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(deadlines.watching()).isFalse();

        // The thread that stopped must not leave the next call unwatched.
        Call second = call();
        try (CallDeadlines.Watch watch = deadlines.watch(second, Duration.ofMillis(100).toNanos())) {
            assertThat(deadlines.watching()).isTrue();
            assertThatThrownBy(second::execute).isInstanceOf(IOException.class);
            assertThat(watch.expired()).isTrue();
        }
    }

    @Test
    void anInterruptedWatcherNeitherStopsNorSpins() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadCpuTimeSupported());
        CallDeadlines longIdle = new CallDeadlines(Duration.ofMillis(5), Duration.ZERO, Duration.ofSeconds(30));
        server.enqueue(new MockResponse.Builder().body("late").headersDelay(20, TimeUnit.SECONDS).build());
        Call late = call();

        try (CallDeadlines.Watch watch = longIdle.watch(late, Duration.ofMillis(500).toNanos())) {
            Thread watcher = longIdle.watcherThread();
            watcher.interrupt();
            long cpuBefore = threads.getThreadCpuTime(watcher.getId());
            Thread.sleep(300);
            long cpuNanos = threads.getThreadCpuTime(watcher.getId()) - cpuBefore;

            // Parking with the interrupt flag set returns at once: a watcher that kept it would burn a core.
            assertThat(Duration.ofNanos(cpuNanos)).isLessThan(Duration.ofMillis(100));
            assertThat(longIdle.watcherThread()).isSameAs(watcher);
            assertThatThrownBy(late::execute).isInstanceOf(IOException.class);
            assertThat(watch.expired()).isTrue();
        }
    }

    @Test
    void aDeadlineNearerThanThePreciseLimitIsLeftToOkHttp() {
        CallDeadlines coarse = new CallDeadlines(Duration.ofMillis(25), Duration.ofSeconds(1), Duration.ofMillis(100));
        Call call = call();
        try (CallDeadlines.Watch watch = coarse.watch(call, Duration.ofMillis(300).toNanos())) {
            assertThat(call.timeout().timeoutNanos()).isEqualTo(Duration.ofMillis(300).toNanos());
            assertThat(coarse.watching()).isFalse();
        }
        Call longer = call();
        try (CallDeadlines.Watch watch = coarse.watch(longer, Duration.ofSeconds(2).toNanos())) {
            assertThat(longer.timeout().timeoutNanos()).isZero();
            assertThat(coarse.watching()).isTrue();
        }
    }
}
