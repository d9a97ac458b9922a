/**
 * The MasStack adapter: {@link dev.troubleticket.masstack.MasStackClient} (neutral) and
 * {@link dev.troubleticket.masstack.MasStackApi} (typed), with the provider's own types in
 * {@code dev.troubleticket.masstack.model}. Its {@code internal} packages are not exported.
 */
module dev.troubleticket.masstack {
    requires transitive dev.troubleticket.core;
    requires transitive com.fasterxml.jackson.databind; // model.TicketWireReader is a public JsonDeserializer
    requires com.auth0.jwt;
    requires org.slf4j;

    exports dev.troubleticket.masstack;
    exports dev.troubleticket.masstack.model;

    // Jackson binds the wire types and the token answer, and instantiates the readers their annotations name.
    opens dev.troubleticket.masstack.model to com.fasterxml.jackson.databind;
    opens dev.troubleticket.masstack.internal to com.fasterxml.jackson.databind;

    provides dev.troubleticket.core.TicketingProvider with dev.troubleticket.masstack.MasStackProvider;
}
