/**
 * The provider-neutral core: the model, {@link dev.troubleticket.core.TicketingClient}, the transport options, the
 * errors, callbacks and the subscription with its store SPI. {@code dev.troubleticket.core.internal} is the plumbing
 * the adapters and the testkit share (HTTP transport, JSON, error mapping): exported to them only, so that no
 * application compiles against it.
 */
@SuppressWarnings("module") // the qualified exports name modules built after this one
module dev.troubleticket.core {
    requires transitive okhttp3; // TransportOptions takes the application's OkHttpClient (okhttp3 brings okio)
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.auth0.jwt;
    requires org.slf4j;
    requires java.management; // the default lease owner names the JVM (pid@host)

    exports dev.troubleticket.core;
    exports dev.troubleticket.core.auth;
    exports dev.troubleticket.core.callback;
    exports dev.troubleticket.core.error;
    exports dev.troubleticket.core.http;
    exports dev.troubleticket.core.instrument;
    exports dev.troubleticket.core.model;
    exports dev.troubleticket.core.subscription;
    exports dev.troubleticket.core.subscription.spi;
    exports dev.troubleticket.core.subscription.store;
    exports dev.troubleticket.core.internal to
            dev.troubleticket.kosc,
            dev.troubleticket.masstack,
            dev.troubleticket.nexera,
            dev.troubleticket.testkit;

    // Jackson instantiates the readers named in annotations and binds the model's records.
    opens dev.troubleticket.core.model to com.fasterxml.jackson.databind;
    opens dev.troubleticket.core.internal to com.fasterxml.jackson.databind;

    uses dev.troubleticket.core.TicketingProvider;
    uses dev.troubleticket.core.callback.CallbackServerFactory;
}
