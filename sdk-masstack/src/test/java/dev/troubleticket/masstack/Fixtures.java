package dev.troubleticket.masstack;

import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import java.time.Instant;

/** Requests that MasStack accepts, for the tests to start from (public for the tests of the internal packages). */
public final class Fixtures {
    private Fixtures() {
    }

    /** A neutral network-fault request with every field MasStack requires. */
    public static CreateTicketRequest.Builder neutralRequest(String reference) {
        return CreateTicketRequest.builder()
                .externalReference(reference)
                .serviceId("O99999999999/M9999999999")
                .category("FTTH_PROVISION_RANGED_NO_NAVEGA")
                .title("ONT sincronizado, pero no navega.")
                .description("ERI_MM_OLTZ3562010LAP012_para que se revise")
                .priority(Priority.of(Priority.Level.CRITICAL))
                .detectedAt(Instant.parse("2025-01-15T10:30:00Z"))
                .providerField("troubledObject", "CTO")
                .providerField("wh1Parameter", "red");
    }

    /** A typed client-fault request with every required field. */
    public static CreateTroubleTicketRequest.Builder typedRequest(String mirrorKey) {
        return CreateTroubleTicketRequest.builder()
                .mirrorKey(mirrorKey)
                .dialog("ERI_MM_OLTZ3562010LAP012_para que se revise")
                .troubleType("FTTH_PROVISION_RANGED_NO_NAVEGA")
                .troubleDescription("ONT sincronizado, pero no navega.")
                .troubleDetectionTime("2025-01-15T10:30:00Z")
                .preferredPriority(1)
                .troubledObject("CTO")
                .customerTroubleNum("O99999999999/M9999999999")
                .homeId("HOME-0042")
                .wh1Parameter(IssueType.CLIENT)
                .customer("100")
                .clearencePerson("AGENT-7");
    }
}
