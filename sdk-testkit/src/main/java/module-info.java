/**
 * Stateful simulators of each provider, on MockWebServer, with seeded fault injection: for the SDK's contract tests
 * and for applications' tests. {@link dev.troubleticket.testkit.ProviderSimulators} finds them through
 * {@link java.util.ServiceLoader}.
 */
module dev.troubleticket.testkit {
    requires transitive dev.troubleticket.core;      // sampleCreateRequest answers core's model
    requires transitive mockwebserver3;              // simulators are Dispatchers; FaultInjector wraps one
    requires transitive com.fasterxml.jackson.databind; // SimulatorResponses.mapper(), ticket trees
    requires com.auth0.jwt;

    exports dev.troubleticket.testkit;
    exports dev.troubleticket.testkit.faults;
    exports dev.troubleticket.testkit.kosc;
    exports dev.troubleticket.testkit.masstack;
    exports dev.troubleticket.testkit.nexera;

    uses dev.troubleticket.testkit.ProviderSimulator;
    provides dev.troubleticket.testkit.ProviderSimulator with
            dev.troubleticket.testkit.kosc.KoscSimulator,
            dev.troubleticket.testkit.nexera.NexeraSimulator,
            dev.troubleticket.testkit.masstack.MasStackSimulator;
}
