package dev.troubleticket.nexera;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.Page;
import dev.troubleticket.core.PageFetcher;
import dev.troubleticket.core.PagedIterable;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.internal.ApiRequest;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.HttpTransport;
import dev.troubleticket.core.internal.OnePassReader;
import dev.troubleticket.core.internal.SafeCreate;
import dev.troubleticket.core.model.OpenValue;
import dev.troubleticket.nexera.internal.CreateValidation;
import dev.troubleticket.nexera.internal.TransitionRules;
import dev.troubleticket.nexera.internal.json.CreateBodyWriter;
import dev.troubleticket.nexera.model.AttachmentRefOrValue;
import dev.troubleticket.nexera.model.Hub;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.TicketOperation;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The full typed TMF621 v4 Trouble Ticket API of one server: every operation of the Nexera document,
 * with the profile's requirement matrix checked before anything is sent. Obtain it with
 * {@code client.unwrap(Tmf621Api.class)}. Thread-safe.
 *
 * <p>Updates are JSON merge patches ({@code application/merge-patch+json}): the fields set in the patch
 * replace the ticket's, arrays whole. So {@link #addNote} and {@link #addAttachment} read the ticket and
 * send its list with the new element appended; two operators adding notes to one ticket at the same
 * instant can lose one (TMF621 has no version check to prevent it).
 */
public final class Tmf621Api {
    /** The media type of a JSON merge patch (RFC 7386). */
    public static final MediaType MERGE_PATCH = MediaType.get("application/merge-patch+json; charset=utf-8");

    private final HttpTransport transport;
    private final Tmf621Profile profile;
    private final CreateValidation validation;
    private final ObjectMapper mapper;
    /** Reads answers in one pass: tickets bound straight from the parser, their JSON kept as the slice received. */
    private final OnePassReader json;

    /** The page size of the look-up by {@code externalId} before a create. */
    static final int LOOKUP_PAGE_SIZE = 100;

    private final SafeCreate safeCreate;
    private final int safeCreateLookupPages;

    Tmf621Api(HttpTransport transport, Tmf621Profile profile, int safeCreateLookupPages) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.safeCreate = new SafeCreate(transport.provider());
        this.safeCreateLookupPages = safeCreateLookupPages;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.mapper = transport.mapper();
        this.validation = new CreateValidation(profile.matrix(), profile.strictVocabulary(), mapper);
        this.json = new OnePassReader(transport.provider(), mapper);
    }

    /** A ticket with the JSON it was read from. */
    record Received(TroubleTicket ticket, String json) {
    }

    /** A create body as it will be sent, with every violation of the profile's rules found in it. */
    record CheckedCreate(ObjectNode body, List<FieldViolation> violations) {
    }

    /** The profile this API checks requests against. */
    public Tmf621Profile profile() {
        return profile;
    }

    /** Every violation of the profile's rules by a create body (empty when it may be sent). */
    public List<FieldViolation> checkCreate(TroubleTicket ticket) {
        return validation.check(ticket, TicketOperation.CREATE, null);
    }

    /** Every violation of the profile's rules by a merge patch on a ticket of the given type ({@code null} if unknown). */
    public List<FieldViolation> checkUpdate(TroubleTicket patch, String ticketType) {
        return validation.check(patch, TicketOperation.UPDATE, ticketType);
    }

    /**
     * {@code POST /troubleTicket} (answers 201), safe to call again when the ticket has an {@code externalId}: the
     * ticket is looked up by it first (the filter {@code externalId=...} is sent, and each answer's
     * {@code externalId} is checked here too, since TMF621 does not list it among the filters a server must
     * support; at most {@code safeCreateLookupPages} pages are read when a server ignores it), and again after a
     * failure that leaves the outcome unknown (timeout, reset, 5xx, a 2xx that cannot be read) or a 409. A ticket
     * found is answered instead of opening another; one found with another ticket type, sub-type or related
     * entity is refused with a {@link dev.troubleticket.core.error.ConflictException} naming both. The POST is
     * sent once more only when the outcome was unknown, the ticket was not found and the server did not answer 2xx.
     * Without an {@code externalId} the POST is sent once and never again.
     *
     * @throws ValidationException before sending, listing every violation of the requirement matrix
     */
    public TroubleTicket create(TroubleTicket ticket) {
        return createReceived(ticket).ticket();
    }

    Received createReceived(TroubleTicket ticket) {
        CheckedCreate checked = checkedCreate(ticket);
        refuseIfInvalid("trouble ticket create", checked.violations());
        return createSafely(ticket, checked);
    }

    /** Opens the ticket whose body was checked, or answers the one already opened with its {@code externalId}. */
    Received createSafely(TroubleTicket ticket, CheckedCreate checked) {
        String externalId = ticket.externalId();
        return safeCreate.create(externalId, new SafeCreate.Steps<>() {
            @Override
            public Optional<Received> findByReference() {
                return findByExternalId(externalId);
            }

            @Override
            public Received send() {
                return sendCreate(checked);
            }

            @Override
            public List<String> differences(Received found) {
                TroubleTicket existing = found.ticket();
                return Stream.of(
                                SafeCreate.difference("ticketType", valueOf(ticket.ticketType()), valueOf(existing.ticketType())),
                                SafeCreate.difference("ticketSubtype", valueOf(ticket.ticketSubtype()), valueOf(existing.ticketSubtype())),
                                SafeCreate.difference("relatedEntity", entityIds(ticket), entityIds(existing)))
                        .filter(Objects::nonNull).toList();
            }

            @Override
            public String idOf(Received found) {
                return found.ticket().id();
            }
        });
    }

    /**
     * The ticket carrying {@code externalId}, among at most {@code safeCreateLookupPages} pages of the list filtered by
     * it; each answer's {@code externalId} is checked, since a server may ignore the filter.
     */
    Optional<Received> findByExternalId(String externalId) {
        TroubleTicketFilter filter = TroubleTicketFilter.builder().externalId(externalId).pageSize(LOOKUP_PAGE_SIZE).build();
        return SafeCreate.findInPages(fetcher(filter), safeCreateLookupPages,
                received -> externalId.equals(received.ticket().externalId()));
    }

    private static String valueOf(OpenValue value) {
        return value == null ? null : value.value();
    }

    /** The related entities' ids, sorted, or {@code null} when there are none to compare. */
    private static String entityIds(TroubleTicket ticket) {
        if (ticket.relatedEntity() == null || ticket.relatedEntity().isEmpty()) {
            return null;
        }
        return ticket.relatedEntity().stream().map(e -> e == null ? null : e.id()).filter(Objects::nonNull).sorted()
                .collect(Collectors.joining(","));
    }

    /**
     * The create body written once as JSON and checked as such; {@link #sendCreate} sends that same JSON,
     * so that a create is neither serialized nor checked twice.
     */
    CheckedCreate checkedCreate(TroubleTicket ticket) {
        ObjectNode body = CreateBodyWriter.of(ticket, mapper);
        return new CheckedCreate(body, validation.check(ticket, body, TicketOperation.CREATE, null));
    }

    /** Sends a create body already checked (its violations are the caller's to have refused). */
    Received sendCreate(CheckedCreate checked) {
        ApiRequest request = ApiRequest.post(path("/troubleTicket"), transport.jsonBody(checked.body())).idempotent(false).build();
        return readTicket(transport.send(request));
    }

    /** {@code GET /troubleTicket/{id}}, optionally with only some {@code fields}. */
    public TroubleTicket get(String id, String... fields) {
        return getReceived(id, fields).ticket();
    }

    Received getReceived(String id, String... fields) {
        requireId(id);
        ApiRequest.Builder request = ApiRequest.get(path("/troubleTicket/" + encode(id)));
        if (fields.length > 0) {
            request.query("fields", String.join(",", fields));
        }
        return readTicket(transport.send(request.build()));
    }

    /** {@code GET /troubleTicket}: one page at {@code offset}, {@code limit} tickets at most ({@code 0}: server default). */
    public TroubleTicketPage listPage(TroubleTicketFilter filter, int offset, int limit) {
        PageOfReceived page = fetchPage(filter, offset, limit);
        return new TroubleTicketPage(page.items().stream().map(Received::ticket).toList(), offset, page.total(),
                page.resultCount(), page.partial());
    }

    /**
     * {@code GET /troubleTicket}, lazily, page after page: each page is asked for when iteration reaches it,
     * using {@code X-Total-Count} (or a 206 answer, or a full page) to know that another follows.
     */
    public PagedIterable<TroubleTicket> list(TroubleTicketFilter filter) {
        PageFetcher<Received> fetcher = fetcher(filter);
        return PagedIterable.of(cursor -> {
            Page<Received> page = fetcher.fetch(cursor);
            return new Page<>(page.items().stream().map(Received::ticket).toList(), page.nextCursor(), page.totalCount());
        });
    }

    PageFetcher<Received> fetcher(TroubleTicketFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return cursor -> {
            int offset = cursor == null ? filter.offset() : Integer.parseInt(cursor);
            PageOfReceived page = fetchPage(filter, offset, filter.pageSize());
            boolean more = TroubleTicketPage.hasMore(page.items().size(), offset, page.total(), page.partial(), filter.pageSize());
            String next = more ? String.valueOf(offset + page.items().size()) : null;
            return new Page<>(page.items(), next, page.total());
        };
    }

    private record PageOfReceived(List<Received> items, long total, long resultCount, boolean partial) {
    }

    private PageOfReceived fetchPage(TroubleTicketFilter filter, int offset, int limit) {
        ApiRequest.Builder request = ApiRequest.get(path("/troubleTicket"));
        for (Map.Entry<String, String> parameter : filter.queryParameters()) {
            request.query(parameter.getKey(), parameter.getValue());
        }
        request.query("offset", offset);
        if (limit > 0) {
            request.query("limit", limit);
        }
        ApiResponse response = transport.send(request.build());
        List<Received> items = json.array(response, TroubleTicket.class, "trouble ticket", Received::new);
        long total = headerNumber(response, "X-Total-Count");
        long results = headerNumber(response, "X-Result-Count");
        return new PageOfReceived(items, total, results >= 0 ? results : items.size(), response.status() == 206);
    }

    /**
     * {@code PATCH /troubleTicket/{id}} with the patch as {@code application/merge-patch+json}.
     *
     * @param ticketType the ticket's type, to choose the matrix column ({@code null}: the default column)
     * @throws ValidationException before sending, listing every violation
     */
    public TroubleTicket update(String id, TroubleTicket patch, String ticketType) {
        return updateReceived(id, patch, ticketType).ticket();
    }

    /** {@link #update(String, TroubleTicket, String)} with the default column. */
    public TroubleTicket update(String id, TroubleTicket patch) {
        return update(id, patch, null);
    }

    Received updateReceived(String id, TroubleTicket patch, String ticketType) {
        requireId(id);
        refuseIfInvalid("trouble ticket patch", checkUpdate(patch, ticketType));
        RequestBody body;
        try {
            body = RequestBody.create(mapper.writeValueAsBytes(patch), MERGE_PATCH);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the patch as JSON", e);
        }
        // Not idempotent: a note list or a status change applied twice is not the same as once.
        ApiRequest request = ApiRequest.patch(path("/troubleTicket/" + encode(id)), body).idempotent(false).build();
        return readTicket(transport.send(request));
    }

    /** Adds a note: reads the ticket and patches its note list with the new note appended. */
    public TroubleTicket addNote(String id, Note note) {
        return addNoteReceived(id, note).ticket();
    }

    Received addNoteReceived(String id, Note note) {
        TroubleTicket current = get(id);
        TroubleTicket patch = TroubleTicket.builder().note(withNote(current, note)).build();
        return updateReceived(id, patch, typeOf(current));
    }

    /** Adds an attachment: the ticket's attachments are sent back as references, the new one appended. */
    public TroubleTicket addAttachment(String id, AttachmentRefOrValue attachment) {
        TroubleTicket current = get(id);
        List<AttachmentRefOrValue> list = new ArrayList<>();
        if (current.attachment() != null) {
            for (AttachmentRefOrValue existing : current.attachment()) {
                if (existing == null) {
                    // An element the server sent that is not an attachment object cannot be sent back.
                    continue;
                }
                list.add(existing.id() != null ? AttachmentRefOrValue.reference(existing.id()) : existing);
            }
        }
        list.add(attachment);
        return update(id, TroubleTicket.builder().attachment(list).build(), typeOf(current));
    }

    /**
     * Moves the ticket to {@code target}, if an operator may make that change from its current status; the
     * reason is sent as {@code statusChangeReason} and as a note.
     *
     * @throws ValidationException before sending, when the change is not allowed or lacks a needed reason
     */
    public TroubleTicket changeStatus(String id, TroubleTicketStatus target, String reason) {
        return changeStatusReceived(id, target, reason).ticket();
    }

    Received changeStatusReceived(String id, TroubleTicketStatus target, String reason) {
        TroubleTicket current = get(id);
        List<TransitionRules.Allowed> allowed = TransitionRules.from(current.status());
        TransitionRules.Allowed chosen = allowed.stream().filter(a -> a.target().is(target)).findFirst().orElse(null);
        if (chosen == null) {
            throw ValidationException.beforeSending(transport.provider(), "status change", List.of(new FieldViolation("status",
                    "an operator may not move a ticket from " + current.status() + " to " + target + "; allowed: "
                            + (allowed.isEmpty() ? "none" : allowed.stream().map(a -> a.target().value())
                            .collect(Collectors.joining(", "))))));
        }
        if (chosen.needsComment() && (reason == null || reason.isBlank())) {
            throw ValidationException.beforeSending(transport.provider(), "status change", List.of(new FieldViolation(
                    "statusChangeReason", "is required to " + chosen.description() + " (" + current.status() + " → " + target + ")")));
        }
        TroubleTicket.Builder patch = TroubleTicket.builder().status(chosen.target());
        if (reason != null && !reason.isBlank()) {
            patch.statusChangeReason(reason).note(withNote(current, Note.of(null, reason)));
        }
        return updateReceived(id, patch.build(), typeOf(current));
    }

    /** {@code POST /hub}: registers a listener (answers 201 with the registration's id). */
    public Hub registerHub(String callback, String query) {
        Objects.requireNonNull(callback, "callback");
        ApiRequest request = ApiRequest.post(path("/hub"), transport.jsonBody(new Hub(null, callback, query))).build();
        Hub hub = transport.send(request, Hub.class);
        if (hub.id() == null || hub.id().isBlank()) {
            throw new ProviderException(transport.provider() + " registered the listener but answered no id to unregister it with",
                    ErrorDetails.none(transport.provider()));
        }
        return hub;
    }

    /**
     * {@code GET /hub}: the listeners registered for this account, where the server offers it. TMF621 v4 defines only
     * {@code POST /hub} and {@code DELETE /hub/{id}}; a server without the listing answers 404, 405 or 501, thrown as
     * usual. Elements that are not hub objects are left out. The callbacks may hold other receivers' tokens: the
     * answer's body is kept out of any exception.
     *
     * @throws ProviderException when the answer is not a JSON list
     */
    public List<Hub> listHubs() {
        ApiResponse response = transport.send(ApiRequest.get(path("/hub")).build());
        JsonNode root;
        try {
            root = mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isArray()) {
            // The status, not the body: its callbacks may hold tokens.
            throw new ProviderException(transport.provider() + " answered GET /hub with something that is not a list of hubs",
                    new ErrorDetails(transport.provider(), response.status(), null, null, null, "", response.attempts()));
        }
        List<Hub> hubs = new ArrayList<>();
        for (JsonNode element : root) {
            if (element.isObject() && element.hasNonNull("id")) {
                hubs.add(new Hub(element.get("id").asText(), element.path("callback").asText(null), element.path("query").asText(null)));
            }
        }
        return hubs;
    }

    /** {@code DELETE /hub/{id}}: unregisters a listener (answers 204). */
    public void unregisterHub(String id) {
        requireId(id);
        transport.send(ApiRequest.delete(path("/hub/" + encode(id))).build());
    }

    private static List<Note> withNote(TroubleTicket current, Note note) {
        List<Note> notes = new ArrayList<>();
        if (current.note() != null) {
            for (Note existing : current.note()) {
                if (existing == null) {
                    // An element the server sent that is not a note object cannot be sent back.
                    continue;
                }
                // The date is the server's to set (prohibited in requests); it keeps it by the note's id.
                notes.add(new Note(existing.id(), existing.author(), null, existing.text(), existing.type()));
            }
        }
        notes.add(note);
        return notes;
    }

    private static String typeOf(TroubleTicket ticket) {
        return ticket.ticketType() == null ? null : ticket.ticketType().value();
    }

    private void refuseIfInvalid(String what, List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ValidationException.beforeSending(transport.provider(), what, violations);
        }
    }

    private Received readTicket(ApiResponse response) {
        return json.object(response, TroubleTicket.class, "trouble ticket", (ticket, raw) -> received(ticket, raw, response));
    }

    /**
     * A ticket answered on its own, which must have an id: a body without one (a gateway's {@code {}}) is
     * not the ticket asked for. A page keeps such a ticket instead (one odd ticket never fails a page).
     */
    private Received received(TroubleTicket ticket, String rawJson, ApiResponse response) {
        if (ticket.id() == null) {
            throw new ProviderException(transport.provider() + " answered a trouble ticket without an id", details(response));
        }
        return new Received(ticket, rawJson);
    }

    private ErrorDetails details(ApiResponse response) {
        return new ErrorDetails(transport.provider(), response.status(), null, null, null, response.body(), response.attempts());
    }

    private static long headerNumber(ApiResponse response, String name) {
        String value = response.header(name);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    private String path(String relative) {
        return profile.basePath() + relative;
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
    }

    private static String encode(String segment) {
        return okhttp3.HttpUrl.parse("http://x/").newBuilder().addPathSegment(segment).build().encodedPath().substring(1);
    }

    @Override
    public String toString() {
        return "Tmf621Api[provider=" + transport.provider() + ", baseUrl=" + transport.baseUrl() + ", basePath=" + profile.basePath() + "]";
    }
}
