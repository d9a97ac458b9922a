package dev.troubleticket.benchmarks;

import dev.troubleticket.benchmarks.LoopbackServer.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A provider's API reduced to fixed answers: every read of a ticket answers the captured ticket, every
 * create answers the captured create answer, and the ticket list answers one fixed page of
 * {@link #PAGE_SIZE} tickets. No state, no rules: what a benchmark measures is the client.
 */
public final class CannedProvider implements LoopbackServer.Responder {
    /** Tickets on a list page (Kosc's largest page). */
    public static final int PAGE_SIZE = 100;

    private final ProviderPaths paths;
    private final byte[] ticket;
    private final byte[] createAnswer;
    private final byte[] listPage;
    private volatile byte[] lastCreateBody;

    /** Fixed answers built from {@code fixture}. */
    public CannedProvider(ProviderFixture fixture) {
        this.paths = ProviderPaths.of(fixture.provider());
        this.ticket = fixture.ticketJson().getBytes(StandardCharsets.UTF_8);
        this.createAnswer = fixture.createAnswer().getBytes(StandardCharsets.UTF_8);
        this.listPage = paths.hasList() ? new TicketPages(fixture).page(0, PAGE_SIZE) : new byte[0];
    }

    @Override
    public Answer answer(String method, String path, String query, byte[] body) {
        if (method.equals("POST") && path.equals(paths.createPath())) {
            lastCreateBody = body;
            return Answer.json(201, createAnswer);
        }
        if (method.equals("GET") && paths.hasList() && path.equals(paths.listPath())) {
            // A total equal to the page tells TMF clients that no page follows.
            return new Answer(200, listPage, Map.of("X-Total-Count", String.valueOf(PAGE_SIZE)));
        }
        if (method.equals("GET") && path.startsWith(paths.ticketPathPrefix())) {
            return Answer.json(200, ticket);
        }
        return Answer.json(404, "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** The body of the last create received (the SDK's, so that the hand-written call sends the same JSON). */
    public byte[] lastCreateBody() {
        return lastCreateBody;
    }

    /** The page the ticket list answers. */
    public byte[] listPage() {
        return listPage.clone();
    }

    /** The ticket every read answers. */
    public byte[] ticket() {
        return ticket.clone();
    }
}
