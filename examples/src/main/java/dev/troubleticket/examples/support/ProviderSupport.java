package dev.troubleticket.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Ticket;
import java.util.List;
import java.util.Locale;

/**
 * What the command line and the demo need from a provider beyond the neutral API: how to read a create
 * body written as in the provider's own document, how its events reach a subscription, and a request its
 * simulator accepts. One implementation per provider, each a thin layer over the adapter's own API. Following
 * events needs nothing of them: {@link TicketingClient#subscribe} is the same for every provider.
 */
public interface ProviderSupport {

    /** The provider id. */
    String id();

    /** How the provider's events are followed, in a few words, for help texts and the demo. */
    String followedBy();

    /**
     * Checks a create body written exactly as in the provider's API document and sends it; a body that
     * breaks the provider's rules is refused before sending with every violation listed.
     */
    Ticket createFromDocumentBody(TicketingClient client, JsonNode body);

    /**
     * The provider's own ticket status names that a listing can filter on, or none when this build cannot tell (then
     * any name is passed on as it is).
     */
    default List<String> providerStatuses() {
        return List.of();
    }

    /** The supports this build knows, in the order the demo runs them. */
    static List<ProviderSupport> all() {
        return List.of(new KoscSupport(), new MasStackSupport(), new NexeraSupport());
    }

    /** The support for a provider id. */
    static ProviderSupport of(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return all().stream().filter(s -> s.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown provider '" + id + "'; known: "
                        + all().stream().map(ProviderSupport::id).toList()));
    }
}
