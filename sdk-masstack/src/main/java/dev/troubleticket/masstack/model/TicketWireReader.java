package dev.troubleticket.masstack.model;

import static dev.troubleticket.core.internal.WireFields.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import dev.troubleticket.core.internal.WireFields;
import java.io.IOException;
import java.util.List;

/**
 * Reads a MasStack ticket's fields ({@link MasStackTicket.TicketWire}) one by one from the parser, under
 * the names its annotations give ({@code troubleDectectionTime} too), unknown fields skipped. Every get,
 * create and transaction reads one; Jackson's binding of the 23-component record through its constructor
 * was most of the SDK's own work on a get. {@code TicketWireReaderTest} compares the two.
 */
final class TicketWireReader extends JsonDeserializer<MasStackTicket.TicketWire> implements ResolvableDeserializer {
    private JsonDeserializer<List<MasStackAttachment>> attachmentLists;

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        attachmentLists = WireFields.listDeserializer(context, MasStackAttachment.class);
    }

    @Override
    public MasStackTicket.TicketWire deserialize(JsonParser p, DeserializationContext c) throws IOException {
        if (!WireFields.enterObject(p, c, MasStackTicket.TicketWire.class)) {
            return null;
        }
        String ticketId = null;
        String mirrorKey = null;
        String baseTroubleTicketState = null;
        String dialog = null;
        String troubleType = null;
        String troubleDescription = null;
        String troubleDetectionTime = null;
        String preferredPriority = null;
        String troubledObject = null;
        String customerTroubleNum = null;
        String homeId = null;
        String gescal37ID = null;
        String wh1Parameter = null;
        String wh2Parameter = null;
        String wh3Parameter = null;
        String wh4Parameter = null;
        String wh5Parameter = null;
        String customer = null;
        String clearencePerson = null;
        String closeOutType = null;
        String closeOutNarr = null;
        String serviceRestoredTime = null;
        List<MasStackAttachment> attachments = null;
        for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "ticketId" -> ticketId = text(p, c);
                case "mirrorKey" -> mirrorKey = text(p, c);
                case "baseTroubleTicketState" -> baseTroubleTicketState = text(p, c);
                case "dialog" -> dialog = text(p, c);
                case "troubleType" -> troubleType = text(p, c);
                case "troubleDescription" -> troubleDescription = text(p, c);
                case "troubleDetectionTime", "troubleDectectionTime" -> troubleDetectionTime = text(p, c);
                case "preferredPriority" -> preferredPriority = text(p, c);
                case "troubledObject" -> troubledObject = text(p, c);
                case "customerTroubleNum" -> customerTroubleNum = text(p, c);
                case "homeId" -> homeId = text(p, c);
                case "gescal37ID" -> gescal37ID = text(p, c);
                case "wh1Parameter" -> wh1Parameter = text(p, c);
                case "wh2Parameter" -> wh2Parameter = text(p, c);
                case "wh3Parameter" -> wh3Parameter = text(p, c);
                case "wh4Parameter" -> wh4Parameter = text(p, c);
                case "wh5Parameter" -> wh5Parameter = text(p, c);
                case "customer" -> customer = text(p, c);
                case "clearencePerson" -> clearencePerson = text(p, c);
                case "closeOutType" -> closeOutType = text(p, c);
                case "closeOutNarr" -> closeOutNarr = text(p, c);
                case "serviceRestoredTime" -> serviceRestoredTime = text(p, c);
                case "attachments" -> attachments = WireFields.other(p, c, attachmentLists);
                default -> p.skipChildren();
            }
        }
        return new MasStackTicket.TicketWire(ticketId, mirrorKey, baseTroubleTicketState, dialog, troubleType,
                troubleDescription, troubleDetectionTime, preferredPriority, troubledObject, customerTroubleNum, homeId,
                gescal37ID, wh1Parameter, wh2Parameter, wh3Parameter, wh4Parameter, wh5Parameter, customer, clearencePerson,
                closeOutType, closeOutNarr, serviceRestoredTime, attachments);
    }
}
