/**
 * The TMF621 adapter with Nexera as a profile: {@link dev.troubleticket.nexera.Tmf621Client} and
 * {@link dev.troubleticket.nexera.NexeraClient} (neutral), {@link dev.troubleticket.nexera.Tmf621Api} (typed), the
 * TMF621 wire types in {@code dev.troubleticket.nexera.model} and the notification receiver in
 * {@code dev.troubleticket.nexera.listener}. Its {@code internal} packages are not exported.
 */
module dev.troubleticket.nexera {
    requires transitive dev.troubleticket.core;
    requires transitive com.fasterxml.jackson.databind; // listener.CallbackRequests takes an ObjectNode
    requires org.slf4j;

    exports dev.troubleticket.nexera;
    exports dev.troubleticket.nexera.listener;
    exports dev.troubleticket.nexera.model;

    // Jackson binds the wire types (records and TroubleTicket's builder); internal.json registers its readers itself.
    opens dev.troubleticket.nexera.model to com.fasterxml.jackson.databind;

    provides dev.troubleticket.core.TicketingProvider with
            dev.troubleticket.nexera.NexeraProvider,
            dev.troubleticket.nexera.Tmf621Provider;
}
