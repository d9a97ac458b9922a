package dev.troubleticket.nexera.internal.events;

import dev.troubleticket.nexera.model.Hub;
import java.util.List;

/**
 * The three hub calls an event source makes on the server ({@code POST /hub}, {@code GET /hub},
 * {@code DELETE /hub/{id}}), handed in by the client so that the event source does not depend on the typed API.
 */
public interface HubCalls {
    /** Registers a listener; answers the registration with its id. */
    Hub register(String callback, String query);

    /** The listeners registered for this account, where the server lists them. */
    List<Hub> list();

    /** Unregisters a listener. */
    void unregister(String id);
}
