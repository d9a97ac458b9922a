package dev.troubleticket.reliability;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketStatus;

import java.util.Optional;

/** Steps of a ticket's life as a back office takes them through faults, for every provider alike. */
final class TicketSteps {
    private TicketSteps() {
    }

    /**
     * Moves the ticket, as a back office would after a failure: reads it again and tries once more if it
     * is not there yet.
     */
    static boolean moveTo(Outcomes outcomes, TicketingClient client, String id, TicketStatus target, String comment) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (outcomes.call("transition", () -> client.transition(id, StatusChange.to(target).withComment(comment))).isPresent()) {
                return true;
            }
            Optional<Ticket> now = outcomes.call("get", () -> client.get(id));
            if (now.isPresent() && now.get().status() == target) {
                return true;
            }
        }
        return false;
    }

    /** The provider's side of the story (no faults there); false when the ticket was not in the state for it. */
    static boolean providerSide(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException wrongState) {
            return false;
        }
    }
}
