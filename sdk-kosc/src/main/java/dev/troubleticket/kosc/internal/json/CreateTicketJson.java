package dev.troubleticket.kosc.internal.json;

import static dev.troubleticket.core.internal.JsonBodies.text;

import com.fasterxml.jackson.core.JsonFactory;
import dev.troubleticket.core.internal.JsonBodies;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;

/**
 * Writes a {@link CreateKoscTicketRequest} as the bytes of {@code mapper.writeValueAsBytes(request.toJson())}
 * (the document's order, {@code diagnostic_run_id} always written, other nulls left out), field by field
 * through a generator. Building the map, then the tree, then writing the tree was most of the SDK's own
 * work in a Kosc create; {@code CreateTicketJsonTest} compares the two byte for byte.
 */
public final class CreateTicketJson {
    private CreateTicketJson() {
    }

    /** The request's JSON body, exactly as its {@link CreateKoscTicketRequest#toJson() tree} is written. */
    public static byte[] write(CreateKoscTicketRequest r, JsonFactory factory) {
        return JsonBodies.write(factory, json -> {
            json.writeStartObject();
            // Always present: null says "no diagnostic run" (the categories that need none).
            json.writeFieldName("diagnostic_run_id");
            if (r.diagnosticRunId() == null) {
                json.writeNull();
            } else {
                json.writeString(r.diagnosticRunId());
            }
            text(json, "type", r.type());
            text(json, "service_uuid", r.serviceUuid());
            text(json, "operator_ticket_ref", r.operatorTicketRef());
            text(json, "description", r.description());
            text(json, "initial_comment", r.initialComment());
            text(json, "category", r.category() == null ? null : r.category().value());
            text(json, "priority", r.priority());
            KoscContact contact = r.ownerContact();
            if (contact != null) {
                json.writeObjectFieldStart("owner_contact");
                text(json, "first_name", contact.firstName());
                text(json, "last_name", contact.lastName());
                text(json, "email", contact.email());
                text(json, "phone_number", contact.phoneNumber());
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }
}
