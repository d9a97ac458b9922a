package dev.troubleticket.examples;

import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.TransactionInput;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * MasStack's own API: a service account signs the OAuth2 assertion, and each operator transaction of the
 * OSS/J table (TU03 ... TU10) is one typed call, refused before sending when the ticket's state does
 * not allow it.
 *
 * <p>Run {@code ./example MasStackExample}: it runs against an in-process MasStack simulator.
 */
public final class MasStackExample {
    private MasStackExample() {
    }

    public static void main(String[] args) throws Exception {
        run(new PrintWriter(System.out, true));
    }

    /** Runs the example, printing what it does. */
    public static void run(PrintWriter out) throws Exception {
        Path serviceAccount = Files.createTempFile("masstack-service-account", ".json");
        try (MasStackSimulator masstack = new MasStackSimulator().start(0)) {
            masstack.writeServiceAccount(serviceAccount); // in production: the JSON file MasStack issues
            MasStackClient client = MasStackClient.builder()
                    .baseUrl(masstack.baseUrl())
                    .serviceAccount(serviceAccount)
                    .tokenUrl(masstack.tokenUrl())
                    .build();
            MasStackApi api = client.unwrap(MasStackApi.class);

            String ticketId = api.create(CreateTroubleTicketRequest.builder()
                    .mirrorKey("ONV-1024")
                    .dialog("ERI_MM_OLTZ3562010LAP012_para que se revise")
                    .troubleType("FTTH_PROVISION_RANGED_NO_NAVEGA")
                    .troubleDescription("ONT sincronizado, pero no navega.")
                    .troubleDetectionTime(Instant.now().toString())
                    .preferredPriority(3)                 // 3: between 10 and 65 clients affected
                    .troubledObject("CTO")
                    .customerTroubleNum("O99999999999/M9999999999")
                    .homeId("HOME-0042")                  // required for a client issue
                    .wh1Parameter(IssueType.CLIENT)
                    .clearencePerson("AGENT-7")
                    .build()).ticketId();
            out.println("created " + ticketId + "; operator may now: " + api.allowedTransactions(ticketId));

            try {
                api.close(ticketId, TransactionInput.dialog("done"));
            } catch (ValidationException refused) {
                out.println("TU09 refused before sending: " + refused.getMessage());
            }

            masstack.requestCancellation(ticketId, "duplicate of RED-80");          // TO02
            api.rejectCancellation(ticketId, "Not a duplicate: another CTO");      // TU04
            // The PATCH answer carries no state (as in the document's example): read the ticket again.
            out.println("cancellation rejected: " + api.get(ticketId).baseTroubleTicketState());

            masstack.resolve(ticketId, "CTO reparada");                              // TO07
            api.close(ticketId, TransactionInput.builder()                           // TU09
                    .dialog("Cliente confirma servicio")
                    .closeOutType("RESUELTO_TO")
                    .closeOutNarr("Averia resuelta por el operador de red")
                    .serviceRestoredTime(Instant.now())
                    .build());
            out.println("closed: " + api.get(ticketId).baseTroubleTicketState() + " after " + masstack.transactions(ticketId));
        } finally {
            Files.deleteIfExists(serviceAccount);
        }
        out.flush();
    }
}
