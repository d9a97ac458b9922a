package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingProvider;

/** The {@code nexera} adapter for {@code TicketingClients.create("nexera", settings)}; settings in {@link SettingsReader}. */
public final class NexeraProvider implements TicketingProvider {
    @Override
    public String id() {
        return "nexera";
    }

    @Override
    public TicketingClient create(ProviderSettings settings) {
        return SettingsReader.configure(NexeraClient.builder(), settings).build();
    }
}
