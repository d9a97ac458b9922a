package dev.troubleticket.masstack.internal.events;

import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.masstack.internal.NeutralMapping;
import dev.troubleticket.masstack.internal.StatusMapping;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.Transaction;
import dev.troubleticket.masstack.model.TransactionTable;
import dev.troubleticket.masstack.model.TroubleTicketState;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns a re-read of a followed ticket into the neutral event for what changed since it was last seen:
 * <ul>
 *   <li>a change of state: {@link TicketEvent.Kind#STATUS_CHANGE}, {@code providerType} the transaction the table
 *       names for it ({@code TO05}, {@code TO07}, ...) or {@code state-change}, the dialog as comment when it changed
 *       too;</li>
 *   <li>a new dialog in the same state: {@link TicketEvent.Kind#COMMENT}, {@code providerType} {@code dialog};</li>
 *   <li>the first sight of a ticket followed by id only: {@link TicketEvent.Kind#STATUS_CHANGE}, {@code providerType}
 *       {@code observed}, so that a state reached before following started is not missed.</li>
 * </ul>
 * The provider gives no time for its changes: {@code occurredAt} is when the change was seen. The event's id is
 * {@code <ticketId>#<n>.<fingerprint>}: the n-th event of the ticket and a hash of the state and dialog it reports,
 * so that an event read again after a restart has the same id, and a different change never takes the id of one
 * already handled.
 */
final class TicketChanges {
    /** The {@code providerType} of a ticket's first sight. */
    public static final String OBSERVED = "observed";

    /**
     * A change seen.
     *
     * @param event the neutral event, with its id
     * @param seen  what the ticket shows now, to compare the next read with
     */
    public record Change(TicketEvent event, FollowedState seen) {
    }

    private final TransactionTable table;

    public TicketChanges(TransactionTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * The change between what was last seen of ticket {@code ticketId} and what it shows now.
     *
     * @param before what was last seen, or {@code null} when it was never read
     * @param now    the ticket as just read
     * @param at     when it was read
     * @return the change, or {@code null} when neither its state nor its dialog changed
     */
    public Change since(String ticketId, FollowedState before, MasStackTicket now, Instant at) {
        String hash = FollowedState.hash(now.dialog());
        String state = now.baseTroubleTicketState();
        boolean stateChanged = before == null || !Objects.equals(before.state(), state);
        boolean dialogChanged = before == null || !hash.equals(before.dialogHash());
        if (!stateChanged && !dialogChanged) {
            return null;
        }
        long sequence = (before == null ? 0 : before.events()) + 1;
        TroubleTicketState current = now.state();
        TicketStatus neutral = StatusMapping.toNeutral(current);
        RawPayload raw = new RawPayload(NeutralMapping.PROVIDER, now.rawJson());
        String id = ticketId + "#" + sequence + "." + FollowedState.hash(state + "\n" + hash).substring(0, 8);
        TicketEvent event;
        if (before == null) {
            event = new TicketEvent(NeutralMapping.PROVIDER, id, ticketId, TicketEvent.Kind.STATUS_CHANGE, at, null,
                    now.dialog(), neutral, state, OBSERVED, raw);
        } else if (stateChanged) {
            String type = table.between(TroubleTicketState.of(before.state()), current)
                    .map(Transaction::code).orElse("state-change");
            event = new TicketEvent(NeutralMapping.PROVIDER, id, ticketId, TicketEvent.Kind.STATUS_CHANGE, at, null,
                    dialogChanged ? now.dialog() : null, neutral, state, type, raw);
        } else {
            event = new TicketEvent(NeutralMapping.PROVIDER, id, ticketId, TicketEvent.Kind.COMMENT, at, null, now.dialog(),
                    null, state, "dialog", raw);
        }
        return new Change(event, new FollowedState(state, hash, sequence));
    }

    /** Whether the ticket is closed or cancelled: nothing can happen to it any more. */
    public static boolean isFinal(MasStackTicket ticket) {
        TroubleTicketState state = ticket.state();
        return state != null && state.isFinal();
    }
}
