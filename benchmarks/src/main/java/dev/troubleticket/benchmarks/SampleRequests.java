package dev.troubleticket.benchmarks;

import dev.troubleticket.core.model.Contact;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import java.time.Instant;

/**
 * One neutral create request per provider that the provider's rules (and so its simulator) accept. The
 * same request is sent on every benchmark call, so the external reference is fixed and short enough for
 * MasStack's 15-character update limit.
 */
public final class SampleRequests {
    private SampleRequests() {
    }

    /** The create request used for {@code provider}. */
    public static CreateTicketRequest forProvider(String provider) {
        return switch (provider) {
            case "kosc" -> CreateTicketRequest.builder()
                    .externalReference("BENCH-0001")
                    .serviceId("8ccc5104-a7d3-4be3-8108-cf9641cb1fe6")
                    .category("low_rate")
                    .description("Customer complains about low rate")
                    .initialComment("Customer reports a low bitrate since Monday evening.")
                    .priority(Priority.of(Priority.Level.LOW))
                    .contact(new Contact("Camille", "Martin", "camille.martin@example.fr", "0612345678"))
                    .providerField("diagnostic_run_id", "D261123_001")
                    .build();
            case "masstack" -> CreateTicketRequest.builder()
                    .externalReference("BENCH-0001")
                    .serviceId("O99999999999/M9999999999")
                    .category("FTTH_PROVISION_RANGED_NO_NAVEGA")
                    .title("ONT sincronizado, pero no navega.")
                    .description("ERI_MM_OLTZ3562010LAP012_para que se revise")
                    .priority(Priority.of(Priority.Level.CRITICAL))
                    .detectedAt(Instant.parse("2026-11-23T06:00:00Z"))
                    .providerField("troubledObject", "CTO")
                    .providerField("wh1Parameter", "red")
                    .build();
            case "nexera" -> CreateTicketRequest.builder()
                    .externalReference("BENCH-0001")
                    .serviceId("FTTH-000123")
                    .title("No sync on the ONT")
                    .description("The customer's ONT has shown LOS since 08:00.")
                    .priority(Priority.of(Priority.Level.HIGH))
                    .build();
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }
}
