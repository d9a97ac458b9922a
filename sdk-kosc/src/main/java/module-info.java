/**
 * The Kosc adapter: {@link dev.troubleticket.kosc.KoscClient} (neutral) and {@link dev.troubleticket.kosc.KoscApi}
 * (typed), with the provider's wire types in {@code dev.troubleticket.kosc.model}. Its {@code internal} packages are
 * not exported.
 */
module dev.troubleticket.kosc {
    requires transitive dev.troubleticket.core;
    requires transitive com.fasterxml.jackson.databind; // model.CreateKoscTicketRequest takes and gives JsonNode
    requires org.slf4j;

    exports dev.troubleticket.kosc;
    exports dev.troubleticket.kosc.model;

    // Jackson binds the wire types (the model's and the feed event's internal record) and reads the mix-ins.
    opens dev.troubleticket.kosc.model to com.fasterxml.jackson.databind;
    opens dev.troubleticket.kosc.internal to com.fasterxml.jackson.databind;
    opens dev.troubleticket.kosc.internal.json to com.fasterxml.jackson.databind;

    provides dev.troubleticket.core.TicketingProvider with dev.troubleticket.kosc.KoscProvider;
}
