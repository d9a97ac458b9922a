package dev.troubleticket.benchmarks;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A call with the transport's deadline mechanism ({@code core.internal.CallDeadlines}: a watcher thread that
 * cancels calls past their deadline, OkHttp's call timeout off) against the same call with OkHttp's own
 * {@code callTimeout}, on a WAN-like answer: a loopback server that answers a Kosc ticket after 20 to 50 ms
 * (random per call, the same seeded sequence for each side). {@code noTimeout} is the call with neither, for
 * reference. Same OkHttp client otherwise, one call at a time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class CallDeadlinesBenchmark {
    /** The attempt timeout both sides give each call (the transport's default order of magnitude: far above the answer's). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long SEED = 18;

    private LoopbackServer server;
    private OkHttpClient withoutTimeout;
    private OkHttpClient withCallTimeout;
    private Request request;
    private Object deadlines;
    private MethodHandle watch;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] ticket = FixtureCapture.capture("kosc").ticketJson().getBytes(StandardCharsets.UTF_8);
        Random delays = new Random(SEED);
        server = LoopbackServer.start((method, path, query, body) -> {
            try {
                // One call at a time: the server's one dispatcher thread sleeping does not hold up another call.
                Thread.sleep(20 + delays.nextInt(31));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LoopbackServer.Answer.json(200, ticket);
        });
        OkHttpClient base = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        withoutTimeout = base.newBuilder().callTimeout(Duration.ZERO).build();
        withCallTimeout = base.newBuilder().callTimeout(TIMEOUT).build();
        request = new Request.Builder().url(server.baseUrl() + "/api/tickets/1/").header("Authorization", "Bearer bench-token").build();
        // Package-private in sdk-core: reached as the transport reaches it, CallDeadlines.SHARED.watch(call, nanos).
        Class<?> type = Class.forName("dev.troubleticket.core.internal.CallDeadlines");
        Field shared = type.getDeclaredField("SHARED");
        shared.setAccessible(true);
        deadlines = shared.get(null);
        Method watchMethod = type.getDeclaredMethod("watch", Call.class, long.class);
        watchMethod.setAccessible(true);
        watch = MethodHandles.lookup().unreflect(watchMethod);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
        for (OkHttpClient client : new OkHttpClient[] {withoutTimeout, withCallTimeout}) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Benchmark
    public byte[] sdkDeadlines() throws Throwable {
        Call call = withoutTimeout.newCall(request);
        try (AutoCloseable watched = (AutoCloseable) watch.invoke(deadlines, call, TIMEOUT.toNanos())) {
            return read(call);
        }
    }

    @Benchmark
    public byte[] okHttpCallTimeout() throws IOException {
        return read(withCallTimeout.newCall(request));
    }

    @Benchmark
    public byte[] noTimeout() throws IOException {
        return read(withoutTimeout.newCall(request));
    }

    private static byte[] read(Call call) throws IOException {
        try (Response response = call.execute()) {
            if (response.code() != 200) {
                throw new IOException("answered " + response.code());
            }
            return response.body().bytes();
        }
    }
}
