package dev.troubleticket.benchmarks;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * Lists a long Kosc ticket list through the SDK's auto-pager ({@code client.list(...)}), counting the
 * tickets, while {@link HeapWatch} records the heap. {@code bench/run} starts it in its own JVM with
 * {@code -Xmx64m}: it must finish without running out of memory. The server (in the same JVM, so its
 * memory counts too) renders each page when asked and keeps nothing.
 *
 * <p>Arguments: {@code [tickets] [pageSize]}, by default 1,000,000 and 100. Prints one line of
 * {@code key=value} figures; exits with 1 when the count is wrong.
 */
public final class LongListing {
    /**
     * What a listing measured.
     *
     * @param tickets          tickets received
     * @param requests         pages asked for (the last may be empty)
     * @param seconds          time the listing took
     * @param peakHeapBytes    sum of the heap pools' peaks
     * @param maxLiveBytes     largest heap left after a collection
     * @param maxHeapBytes     the heap limit ({@code -Xmx})
     * @param collections      collections that ran
     */
    public record Result(long tickets, long requests, double seconds, long peakHeapBytes, long maxLiveBytes,
                         long maxHeapBytes, long collections) {
        /** The figures as one {@code key=value} line. */
        public String line() {
            return String.format(Locale.ROOT, "listing tickets=%d requests=%d seconds=%.2f ticketsPerSecond=%.0f"
                            + " peakHeapMiB=%.1f maxLiveAfterGcMiB=%.1f maxHeapMiB=%.0f collections=%d",
                    tickets, requests, seconds, tickets / seconds, peakHeapBytes / 1048576.0, maxLiveBytes / 1048576.0,
                    maxHeapBytes / 1048576.0, collections);
        }
    }

    private LongListing() {
    }

    public static void main(String[] args) {
        long tickets = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Result result = run(tickets, pageSize);
        System.out.println(result.line());
        if (result.tickets() != tickets) {
            System.err.println("expected " + tickets + " tickets, listed " + result.tickets());
            System.exit(1);
        }
    }

    /** Lists {@code total} tickets in pages of {@code pageSize} and answers what was measured. */
    public static Result run(long total, int pageSize) {
        TicketPages pages = new TicketPages(FixtureCapture.capture("kosc"));
        AtomicLong requests = new AtomicLong();
        NumberedPages list = new NumberedPages("/api/tickets/", total, "limit", pages::page, false);
        OkHttpClient okHttp = new OkHttpClient.Builder().retryOnConnectionFailure(false).callTimeout(Duration.ofSeconds(30)).build();
        System.gc();
        try (LoopbackServer server = LoopbackServer.start((method, path, query, body) -> {
                 requests.incrementAndGet();
                 return list.answer(method, path, query, body);
             });
             TicketingClient client = SdkClients.create("kosc", server.baseUrl(), okHttp);
             HeapWatch heap = new HeapWatch()) {
            long started = System.nanoTime();
            long count = 0;
            String previous = null;
            for (Ticket ticket : client.list(TicketQuery.builder().pageSize(pageSize).build())) {
                if (ticket.id().equals(previous)) {
                    throw new IllegalStateException("ticket " + previous + " came twice in a row");
                }
                previous = ticket.id();
                count++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(count, requests.get(), seconds, heap.peakHeapBytes(), heap.maxLiveAfterGcBytes(),
                    Runtime.getRuntime().maxMemory(), heap.collections());
        } finally {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }
}
