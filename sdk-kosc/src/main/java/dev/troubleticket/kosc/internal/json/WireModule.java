package dev.troubleticket.kosc.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscLastComment;
import dev.troubleticket.kosc.model.KoscTicket;

/**
 * The Jackson module that binds Kosc's wire types to the adapter's hand-written readers, so that no public model
 * type names an internal class. The adapter registers it on its mapper ({@link #mapper()}).
 */
public final class WireModule extends SimpleModule {
    private static final ObjectMapper MAPPER = Json.newMapper().registerModule(new WireModule());

    public WireModule() {
        super("kosc-wire");
        addDeserializer(KoscTicket.class, new KoscTicketReader());
        addDeserializer(KoscLastComment.class, new KoscPartReaders.LastCommentReader());
        addDeserializer(KoscContact.class, new KoscPartReaders.ContactReader());
        addDeserializer(KoscEventWire.class, new KoscEventWireReader());
        addDeserializer(KoscTicketForMapping.class, new KoscTicketForMapping.Reader());
    }

    /** The SDK's mapper ({@link Json#newMapper()}) with this module: the one the Kosc adapter reads and writes with. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
