package dev.troubleticket.masstack;

import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The ticket reads a simulator answered, with when they reached it, recorded in front of the simulator. */
final class SimulatorRequests {
    /** One request: when it arrived ({@link System#nanoTime()}), its method and path, and the status answered. */
    record Seen(long at, String method, String path, int status) {
        String ticketId() {
            return path.startsWith("/troubleTicket/") ? path.substring("/troubleTicket/".length()) : null;
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    static SimulatorRequests recordedAt(MasStackSimulator simulator) {
        SimulatorRequests requests = new SimulatorRequests();
        simulator.server().interpose(real -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                long at = System.nanoTime();
                MockResponse answer = real.dispatch(request);
                requests.seen.add(new Seen(at, request.getMethod(), request.getUrl().encodedPath(), answer.getCode()));
                return answer;
            }
        });
        return requests;
    }

    /** The GETs of tickets since {@code fromNanos}, oldest first. */
    List<Seen> ticketReads(long fromNanos) {
        List<Seen> reads = new ArrayList<>();
        for (Seen request : seen) {
            if (request.at() >= fromNanos && "GET".equals(request.method()) && request.ticketId() != null) {
                reads.add(request);
            }
        }
        reads.sort((a, b) -> Long.compare(a.at(), b.at()));
        return reads;
    }

    /** How many times the ticket was read since {@code fromNanos}. */
    long readsOf(String ticketId, long fromNanos) {
        return ticketReads(fromNanos).stream().filter(r -> ticketId.equals(r.ticketId())).count();
    }
}
