package dev.troubleticket.masstack.internal;

import static dev.troubleticket.core.internal.JsonBodies.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.troubleticket.core.internal.JsonBodies;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.MasStackAttachment;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link CreateTroubleTicketRequest} as the bytes Jackson's serialization of it gives (the
 * record's order, {@code null} fields left out, attachments as objects), field by field through a
 * generator. Jackson's bean serializer of the 19-component record was the larger part of the SDK's own
 * work in a MasStack create; {@code CreateRequestJsonTest} compares the two byte for byte.
 */
public final class CreateRequestJson {
    private CreateRequestJson() {
    }

    /** The request's JSON, exactly as {@code mapper.writeValueAsBytes(request)} writes it. */
    public static byte[] write(CreateTroubleTicketRequest r, JsonFactory factory) {
        return JsonBodies.write(factory, json -> {
            json.writeStartObject();
            text(json, "baseTroubleTicketState", r.baseTroubleTicketState());
            text(json, "mirrorKey", r.mirrorKey());
            text(json, "dialog", r.dialog());
            text(json, "troubleType", r.troubleType());
            text(json, "troubleDescription", r.troubleDescription());
            text(json, "troubleDetectionTime", r.troubleDetectionTime());
            if (r.preferredPriority() != null) {
                json.writeNumberField("preferredPriority", r.preferredPriority());
            }
            text(json, "troubledObject", r.troubledObject());
            text(json, "customerTroubleNum", r.customerTroubleNum());
            text(json, "homeId", r.homeId());
            text(json, "gescal37ID", r.gescal37ID());
            IssueType issueType = r.wh1Parameter();
            text(json, "wh1Parameter", issueType == null ? null : issueType.value());
            text(json, "wh2Parameter", r.wh2Parameter());
            text(json, "wh3Parameter", r.wh3Parameter());
            text(json, "wh4Parameter", r.wh4Parameter());
            text(json, "wh5Parameter", r.wh5Parameter());
            text(json, "customer", r.customer());
            text(json, "clearencePerson", r.clearencePerson());
            attachments(json, r.attachments());
            json.writeEndObject();
        });
    }

    private static void attachments(JsonGenerator json, List<MasStackAttachment> attachments) throws IOException {
        if (attachments == null) {
            return;
        }
        json.writeArrayFieldStart("attachments");
        // The request's list holds no null entries (it is a List.copyOf).
        for (MasStackAttachment a : attachments) {
            json.writeStartObject();
            text(json, "content", a.content());
            text(json, "mimeType", a.mimeType());
            text(json, "name", a.name());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
