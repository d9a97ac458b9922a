package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingProvider;

/** The {@code nexera} adapter for {@code TicketingClients.create("nexera", settings)}; settings as {@link Tmf621Provider} reads them. */
public final class NexeraProvider implements TicketingProvider {
    @Override
    public String id() {
        return "nexera";
    }

    @Override
    public java.util.Set<String> settingKeys() {
        return Tmf621Provider.SETTING_KEYS;
    }

    @Override
    public TicketingClient create(ProviderSettings settings) {
        return Tmf621Provider.configure(NexeraClient.builder(), settings).build();
    }
}
