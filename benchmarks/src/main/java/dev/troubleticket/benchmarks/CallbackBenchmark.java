package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.callback.CallbackResponse;
import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServers;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.nexera.listener.CallbackRequests;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621EventHandler;
import dev.troubleticket.nexera.listener.Tmf621EventSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
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
 * How many Nexera (TMF621) notifications per second the SDK's embedded receiver handles: each operation
 * is one state-change notification with a fresh event id, POSTed over loopback with the shared-secret
 * header to the embedded receiver (sdk-listener-jetty), checked, parsed and given to a
 * sink that counts it ({@code callbackHttp}); and the same through {@link Tmf621EventHandler} alone, without HTTP
 * ({@code callbackHandler}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class CallbackBenchmark {
    private static final String HEADER = "X-Callback-Secret";
    private static final String SECRET = "bench-callback-secret";
    private static final String MARK = "EVENT-ID-MARK";
    private static final MediaType JSON = MediaType.get("application/json");

    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private CallbackServer receiver;
    private Tmf621EventHandler directHandler;
    private OkHttpClient okHttp;
    private String url;
    private String before;
    private String after;
    private Map<String, List<String>> headers;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ObjectNode ticket = (ObjectNode) Json.mapper().readTree(new TicketPages(FixtureCapture.capture("nexera")).ticket(7).toString());
        CallbackRequests.CallbackRequest template = CallbackRequests.withSharedSecret(HEADER, SECRET, Clock.systemUTC())
                .event(MARK, "TroubleTicketStateChangeEvent", ticket, null);
        String body = new String(template.body(), StandardCharsets.UTF_8);
        before = body.substring(0, body.indexOf(MARK));
        after = body.substring(body.indexOf(MARK) + MARK.length());
        headers = template.headerLists();
        // A sink that only counts: what is measured is the receiver, not a store's inbox write.
        Tmf621EventSink sink = event -> {
            consumed.incrementAndGet();
            return true;
        };
        receiver = CallbackServers.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/listener",
                Tmf621EventHandler.builder(CallerCheck.sharedSecret(HEADER, SECRET), sink).build());
        directHandler = Tmf621EventHandler.builder(CallerCheck.sharedSecret(HEADER, SECRET), sink).build();
        url = "http://127.0.0.1:" + receiver.port() + "/listener";
        okHttp = new OkHttpClient.Builder().retryOnConnectionFailure(false).callTimeout(Duration.ofSeconds(30)).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        receiver.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    private byte[] nextBody() {
        return (before + "bench-" + sequence.incrementAndGet() + after).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public int callbackHttp() {
        Request request = new Request.Builder().url(url).header(HEADER, SECRET).post(RequestBody.create(nextBody(), JSON)).build();
        try (Response response = okHttp.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("the receiver answered " + response.code());
            }
            return response.code();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public int callbackHandler() {
        CallbackResponse response = directHandler.handle("POST", "/listener", headers, nextBody());
        if (response.status() != 200) {
            throw new IllegalStateException("the handler answered " + response.status());
        }
        return response.status();
    }
}
