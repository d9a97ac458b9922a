package dev.troubleticket.reliability;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dispatcher in front of a simulator that answers the first GET of each client marked with a
 * {@link Hostility} (its user agent ends with {@link #agentSuffix}) with a huge or endless body, made while
 * it is sent, and passes everything else to the simulator. It counts each mark's GETs, so that a test can
 * tell a retry from the caller's own next call.
 */
final class HostileBodies extends Dispatcher {
    static final long ONE_GIB = 1L << 30;

    /** The ways an answer's body can be too large. */
    enum Hostility {
        /** {@code Content-Length: 1073741824}, and that many bytes sent. */
        DECLARED_1_GIB,
        /** No length, not chunked: 1 GiB sent, then the connection closed. */
        UNDECLARED_1_GIB,
        /** Chunked filler that never ends. */
        ENDLESS_CHUNKED,
        /** Chunked: the provider's list (or a ticket's list field) opened and tickets sent for ever. */
        ENDLESS_JSON_ARRAY;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Dispatcher simulator;
    private final String arrayOpening;
    private final Map<Hostility, AtomicInteger> gets = new ConcurrentHashMap<>();

    /**
     * @param arrayOpening what comes before the first ticket of an endless array: the provider's page
     *                     envelope, or a ticket opened up to a list field
     */
    HostileBodies(Dispatcher simulator, String arrayOpening) {
        this.simulator = simulator;
        this.arrayOpening = arrayOpening;
    }

    /** The user agent suffix that marks a client for a hostility. */
    static String agentSuffix(Hostility hostility) {
        return "hostile-body/" + hostility.label();
    }

    /** How many GETs came from clients marked with a hostility (only the first got the hostile answer). */
    int gets(Hostility hostility) {
        AtomicInteger count = gets.get(hostility);
        return count == null ? 0 : count.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String agent = String.valueOf(request.getHeaders().get("User-Agent"));
        for (Hostility hostility : Hostility.values()) {
            if (request.getMethod().equals("GET") && agent.endsWith(agentSuffix(hostility))
                    && gets.computeIfAbsent(hostility, k -> new AtomicInteger()).getAndIncrement() == 0) {
                return answer(hostility);
            }
        }
        return simulator.dispatch(request);
    }

    private MockResponse answer(Hostility hostility) {
        MockResponse.Builder answer = new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json");
        return switch (hostility) {
            case DECLARED_1_GIB -> answer.body(new Generated(arrayOpening, ONE_GIB, false, true)).build();
            case UNDECLARED_1_GIB -> answer.body(new Generated(arrayOpening, ONE_GIB, false, true))
                    .removeHeader("Content-Length").addHeader("Connection", "close").build();
            case ENDLESS_CHUNKED -> answer.body(new Generated("", Long.MAX_VALUE, true, false))
                    .removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked").build();
            case ENDLESS_JSON_ARRAY -> answer.body(new Generated(arrayOpening, Long.MAX_VALUE, true, true))
                    .removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked").build();
        };
    }

    /**
     * A body written block by block as it is sent: an opening, then tickets with increasing ids (or filler),
     * up to a length ({@link Long#MAX_VALUE}: until the client goes away), plain or in chunks.
     */
    private static final class Generated implements MockResponseBody {
        private final String opening;
        private final long length;
        private final boolean chunked;
        private final boolean tickets;

        Generated(String opening, long length, boolean chunked, boolean tickets) {
            this.opening = opening;
            this.length = length;
            this.chunked = chunked;
            this.tickets = tickets;
        }

        @Override
        public long getContentLength() {
            return chunked ? -1 : length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            long left = length;
            long id = 0;
            StringBuilder block = new StringBuilder(opening);
            while (left > 0) {
                while (block.length() < 8000) {
                    if (tickets) {
                        id++;
                        block.append("{\"id\":\"").append(id).append("\",\"status\":\"open\",\"description\":\"ticket ")
                                .append(id).append(" of a list that never ends\"},");
                    } else {
                        block.append("filler that is not even JSON, sent for ever ");
                    }
                }
                byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
                int size = (int) Math.min(bytes.length, left);
                if (chunked) {
                    sink.writeUtf8(Integer.toHexString(size)).writeUtf8("\r\n").write(bytes, 0, size).writeUtf8("\r\n");
                } else {
                    sink.write(bytes, 0, size);
                }
                if (length != Long.MAX_VALUE) {
                    left -= size;
                }
                block.setLength(0);
            }
            if (chunked) {
                sink.writeUtf8("0\r\n\r\n");
            }
            sink.flush();
        }
    }
}
