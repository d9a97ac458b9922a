package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingProvider;

/** The {@code tmf621} adapter: any TMF621 v4 server, generic profile; settings in {@link SettingsReader}. */
public final class Tmf621Provider implements TicketingProvider {
    @Override
    public String id() {
        return "tmf621";
    }

    @Override
    public TicketingClient create(ProviderSettings settings) {
        return SettingsReader.configure(Tmf621Client.builder(), settings).build();
    }
}
