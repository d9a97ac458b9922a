package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.nexera.model.Hub;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the requests go for each shape of base URL: a URL with a path is the TMF621 API root and is used as it
 * is; the profile's base path is added only to a bare host; an explicit {@code basePath} is added whatever the
 * base URL's path.
 */
class ApiRootUrlTest {
    private NexeraSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aBaseUrlWithAPathIsTheApiRoot() {
        assertThat(Tmf621Client.apiBasePath("https://h.example/tmf-api/troubleTicket/v4", null, NexeraProfile.profile())).isEmpty();
        assertThat(Tmf621Client.apiBasePath("https://h.example/tmf-api/troubleTicket/v4/", null, Tmf621Profile.generic())).isEmpty();
    }

    @Test
    void aBareHostGetsTheProfilesBasePath() {
        assertThat(Tmf621Client.apiBasePath("https://h.example", null, NexeraProfile.profile())).isEqualTo(NexeraProfile.BASE_PATH);
        assertThat(Tmf621Client.apiBasePath("https://h.example/", null, Tmf621Profile.generic()))
                .isEqualTo(Tmf621Profile.TMF_BASE_PATH);
    }

    @Test
    void anExplicitBasePathIsAddedWhateverTheBaseUrlsPath() {
        assertThat(Tmf621Client.apiBasePath("https://h.example/proxy", "/tmf-api/troubleTicketManagement/v4", NexeraProfile.profile()))
                .isEqualTo("/tmf-api/troubleTicketManagement/v4");
    }

    @Test
    void everyTypedOperationAndTheHubGoBelowTheApiRoot() {
        simulator = new NexeraSimulator(Clock.systemUTC(), Tmf621Profile.TMF_BASE_PATH).start(0);
        TicketingClient client = client("nexera", simulator.apiRoot(), null);
        Tmf621Api api = client.unwrap(Tmf621Api.class);

        String id = client.create(simulator.sampleCreateRequest("ROOT-1")).id();
        assertThat(api.get(id).externalId()).isEqualTo("ROOT-1");
        assertThat(api.list(TroubleTicketFilter.builder().build()).stream().map(t -> t.id())).contains(id);
        api.addNote(id, dev.troubleticket.nexera.model.Note.of(null, "checked the splitter"));
        assertThat(client.history(id)).extracting(e -> e.comment()).contains("checked the splitter");

        Hub hub = api.registerHub("https://backoffice.example/listener", null);
        assertThat(simulator.hubs()).containsKey(hub.id());
        api.unregisterHub(hub.id());
        assertThat(simulator.hubs()).doesNotContainKey(hub.id());
        client.close();
    }

    @Test
    void aBareHostReachesTheNexeraProfilesPath() {
        simulator = new NexeraSimulator().start(0);
        TicketingClient client = client("nexera", simulator.server().baseUrl(), null);

        String id = client.create(simulator.sampleCreateRequest("ROOT-2")).id();

        assertThat(client.get(id).externalReference()).isEqualTo("ROOT-2");
        client.close();
    }

    @Test
    void anExplicitBasePathIsAddedToABaseUrlThatHasAPathOfItsOwn() {
        simulator = new NexeraSimulator(Clock.systemUTC(), "/gateway/tmf-api/troubleTicketManagement/v4").start(0);
        TicketingClient client = client("tmf621", simulator.server().baseUrl() + "gateway", "/tmf-api/troubleTicketManagement/v4");

        String id = client.create(simulator.sampleCreateRequest("ROOT-3")).id();

        assertThat(client.get(id).externalReference()).isEqualTo("ROOT-3");
        client.close();
    }

    private static TicketingClient client(String provider, String baseUrl, String basePath) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl);
        if (basePath != null) {
            settings.put("basePath", basePath);
        }
        settings.put("username", NexeraSimulator.USERNAME);
        settings.put("password", NexeraSimulator.PASSWORD);
        return TicketingClients.create(provider, ProviderSettings.of(settings));
    }
}
