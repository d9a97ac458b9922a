package dev.troubleticket.masstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.internal.ApiRequest;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.HttpTransport;
import dev.troubleticket.masstack.internal.CreateValidation;
import dev.troubleticket.masstack.internal.TransitionRules;
import dev.troubleticket.masstack.internal.UpdateBody;
import dev.troubleticket.masstack.internal.Violations;
import dev.troubleticket.masstack.internal.events.OpenSubscriptions;
import dev.troubleticket.masstack.model.BinaryAttachment;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.CreateTroubleTicketResponse;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.Transaction;
import dev.troubleticket.masstack.model.TransactionInput;
import dev.troubleticket.masstack.model.TransactionTable;
import dev.troubleticket.masstack.model.TroubleTicketState;
import java.util.List;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * MasStack's Ticketing OSSJ API, typed, as the document describes it: create (JSON or multipart), get,
 * and one method per operator (TU) transaction of the transaction table.
 *
 * <p>Every request is checked against the document's constraints before it is sent, and every
 * transaction against the {@link TransactionTable} from the ticket's current state; all problems are
 * reported together in a {@link dev.troubleticket.core.error.ValidationException}. The provider's error
 * bodies become {@code ValidationException} ({@code illegalArgumentException}), {@code NotFoundException}
 * ({@code objectNotFoundException}) or {@code ProviderException} ({@code remoteException}).
 *
 * <p>Creates are never retried after an ambiguous failure (a timeout, a reset connection, a 5xx): MasStack
 * has no list or search by {@code mirrorKey} to find out whether the first attempt created the ticket, so
 * a blind retry could open it twice. Only a refused connection or a 429, which prove nothing was
 * processed, are retried. Updates are not retried either, since a repeated transaction would be refused
 * or, for TU10, would send the message twice.
 *
 * <p>Obtain it with {@code MasStackClient.unwrap(MasStackApi.class)}. Thread-safe.
 */
public final class MasStackApi {
    static final String PATH = "/troubleTicket";
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final HttpTransport transport;
    private final TransactionTable table;
    private final OpenSubscriptions subscriptions;

    MasStackApi(HttpTransport transport, TransactionTable table, OpenSubscriptions subscriptions) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.table = Objects.requireNonNull(table, "table");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    }

    /** The client's open subscriptions, told of every ticket opened. */
    OpenSubscriptions subscriptions() {
        return subscriptions;
    }

    /** The transaction table the API checks updates against. */
    public TransactionTable transactionTable() {
        return table;
    }

    /**
     * Opens a ticket ({@code POST /troubleTicket}, JSON body; attachments inline as base64). TU01. The client's open
     * subscriptions follow it at once, from the state and dialog it was opened with (see
     * {@link MasStackClient#subscribe}).
     */
    public CreateTroubleTicketResponse create(CreateTroubleTicketRequest request) {
        CreateValidation.check(request).throwIfAny("MasStack create request");
        return followed(createChecked(request), request);
    }

    private CreateTroubleTicketResponse followed(CreateTroubleTicketResponse created, CreateTroubleTicketRequest request) {
        subscriptions.opened(created.ticketId(), request.baseTroubleTicketState(), request.dialog());
        return created;
    }

    /** Sends a create that the caller has already checked with {@link CreateValidation#check} (the neutral client does). */
    CreateTroubleTicketResponse createChecked(CreateTroubleTicketRequest request) {
        return sendCreate(createBody(request));
    }

    /** The create request's JSON body, as both create variants send it. */
    private RequestBody createBody(CreateTroubleTicketRequest request) {
        return RequestBody.create(json(request), HttpTransport.JSON);
    }

    /**
     * Opens a ticket with the multipart/form-data variant: the request as the JSON {@code data} part and
     * each file as a binary {@code attachment} part, for files too large to send as base64. Followed by the
     * client's open subscriptions as {@link #create} is.
     */
    public CreateTroubleTicketResponse createMultipart(CreateTroubleTicketRequest request, List<BinaryAttachment> files) {
        Violations violations = CreateValidation.check(request);
        checkFiles(violations, "attachment", files);
        violations.throwIfAny("MasStack multipart create request");
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("data", null, createBody(request));
        addFiles(body, "attachment", files);
        return followed(sendCreate(body.build()), request);
    }

    private CreateTroubleTicketResponse sendCreate(RequestBody body) {
        // Not idempotent: the transport retries it only when the provider cannot have received it.
        ApiRequest post = ApiRequest.post(PATH, body).idempotent(false).build();
        ApiResponse response = transport.send(post);
        CreateTroubleTicketResponse answer = transport.read(response,
                transport.mapper().constructType(CreateTroubleTicketResponse.class));
        if (answer.ticketId() == null || answer.ticketId().isBlank()) {
            throw new ProviderException("masstack answered HTTP " + response.status() + " to a create without a ticketId",
                    new ErrorDetails("masstack", response.status(), null, null, null, response.body(), response.attempts()));
        }
        return answer;
    }

    /** Reads a ticket ({@code GET /troubleTicket/{ticketId}}). */
    public MasStackTicket get(String ticketId) {
        Violations violations = new Violations();
        violations.required("ticketId", ticketId);
        violations.throwIfAny("MasStack get request");
        ApiResponse response = transport.send(ApiRequest.get(PATH + "/" + encode(ticketId)).build());
        MasStackTicket ticket = parseTicket(response);
        if (ticket.ticketId() == null || ticket.ticketId().isBlank()) {
            // Every reader of a ticket needs its id; a body without one is not the ticket asked for.
            throw new ProviderException("masstack answered HTTP " + response.status() + " to a get with a ticket that has no ticketId",
                    new ErrorDetails("masstack", response.status(), null, "ticketId missing", null, response.body(),
                            response.attempts()));
        }
        return ticket;
    }

    /** TU03: cancels the ticket, agreeing to the territory owner's cancellation request. */
    public MasStackTicket cancel(String ticketId, TransactionInput input) {
        return perform(Transaction.TU03, ticketId, input);
    }

    /** TU03 with just a message. */
    public MasStackTicket cancel(String ticketId, String dialog) {
        return cancel(ticketId, TransactionInput.dialog(dialog));
    }

    /** TU04: refuses the territory owner's cancellation request; the ticket goes back to {@code OPENACTIVE}. */
    public MasStackTicket rejectCancellation(String ticketId, TransactionInput input) {
        return perform(Transaction.TU04, ticketId, input);
    }

    /** TU04 with just a message. */
    public MasStackTicket rejectCancellation(String ticketId, String dialog) {
        return rejectCancellation(ticketId, TransactionInput.dialog(dialog));
    }

    /** TU06: answers the territory owner's information request; the ticket goes back to {@code OPENACTIVE}. */
    public MasStackTicket sendAdditionalInformation(String ticketId, TransactionInput input) {
        return perform(Transaction.TU06, ticketId, input);
    }

    /** TU06 with just a message. */
    public MasStackTicket sendAdditionalInformation(String ticketId, String dialog) {
        return sendAdditionalInformation(ticketId, TransactionInput.dialog(dialog));
    }

    /** TU08: refuses the resolution; the ticket goes back to {@code OPENACTIVE}. */
    public MasStackTicket rejectResolution(String ticketId, TransactionInput input) {
        return perform(Transaction.TU08, ticketId, input);
    }

    /** TU08 with just a message. */
    public MasStackTicket rejectResolution(String ticketId, String dialog) {
        return rejectResolution(ticketId, TransactionInput.dialog(dialog));
    }

    /**
     * TU09: closes a cleared ticket. {@code closeOutType}, {@code closeOutNarr} and {@code serviceRestoredTime} are
     * sent as given, else as the territory owner's resolution wrote them on the ticket; the close is refused before
     * sending only when neither has one of them.
     */
    public MasStackTicket close(String ticketId, TransactionInput input) {
        return perform(Transaction.TU09, ticketId, input);
    }

    /** TU10: sends information without changing the state. */
    public MasStackTicket sendInformation(String ticketId, TransactionInput input) {
        return perform(Transaction.TU10, ticketId, input);
    }

    /** TU10 with just a message. */
    public MasStackTicket sendInformation(String ticketId, String dialog) {
        return sendInformation(ticketId, TransactionInput.dialog(dialog));
    }

    /** The transactions the operator may make on the ticket now (reads it first). */
    public List<Transaction> allowedTransactions(String ticketId) {
        return table.allowed(Transaction.Role.TU, get(ticketId).state());
    }

    /**
     * Makes an operator transaction, reading the ticket first for its current state and mirror key.
     *
     * @return the provider's answer (a partial ticket)
     */
    public MasStackTicket perform(Transaction transaction, String ticketId, TransactionInput input) {
        return perform(transaction, get(ticketId), input);
    }

    /**
     * Makes an operator transaction on a ticket whose state and mirror key the caller already knows (from
     * a {@link #get} or a subscription's event), saving a read. If the ticket changed since, the provider refuses.
     *
     * @return the provider's answer (a partial ticket)
     */
    public MasStackTicket perform(Transaction transaction, MasStackTicket current, TransactionInput input) {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(input, "input");
        TroubleTicketState state = current.state();
        input = closeOutCompleted(transaction, current, input);
        TransitionRules.check(table, transaction, current.ticketId(), current.mirrorKey(), state, input)
                .throwIfAny("MasStack " + transaction + " (" + transaction.englishName() + ") request");
        ApiRequest patch = ApiRequest.patch(PATH + "/" + encode(current.ticketId()), transport.jsonBody(updateBody(transaction, current, input)))
                .idempotent(false).build();
        return parseTicket(transport.send(patch));
    }

    /**
     * Makes an operator transaction with the multipart/form-data variant of the update: the JSON body as
     * the {@code data} part and each file as a binary {@code attachments} part, for files too large to
     * send as base64. Checked like {@link #perform(Transaction, MasStackTicket, TransactionInput)}.
     */
    public MasStackTicket performMultipart(Transaction transaction, MasStackTicket current, TransactionInput input,
                                           List<BinaryAttachment> files) {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(input, "input");
        input = closeOutCompleted(transaction, current, input);
        Violations violations = TransitionRules.check(table, transaction, current.ticketId(), current.mirrorKey(),
                current.state(), input);
        checkFiles(violations, "attachments", files);
        violations.throwIfAny("MasStack " + transaction + " (" + transaction.englishName() + ") multipart request");
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("data", null, RequestBody.create(json(updateBody(transaction, current, input)), HttpTransport.JSON));
        addFiles(body, "attachments", files);
        ApiRequest patch = ApiRequest.patch(PATH + "/" + encode(current.ticketId()), body.build()).idempotent(false).build();
        return parseTicket(transport.send(patch));
    }

    /** A close (TU09) takes the close-out fields it leaves out from the ticket, where the resolution (TO07) wrote them. */
    private static TransactionInput closeOutCompleted(Transaction transaction, MasStackTicket current, TransactionInput input) {
        return transaction == Transaction.TU09 ? input.withCloseOutFrom(current) : input;
    }

    private UpdateBody updateBody(Transaction transaction, MasStackTicket current, TransactionInput input) {
        TroubleTicketState target = table.row(transaction).resultingState(current.state());
        return new UpdateBody(target.value(), current.ticketId(), current.mirrorKey(), input.dialog(),
                input.closeOutType(), input.closeOutNarr(), input.serviceRestoredTime(), input.customer(),
                input.attachments());
    }

    private static void checkFiles(Violations violations, String part, List<BinaryAttachment> files) {
        for (int i = 0; i < files.size(); i++) {
            BinaryAttachment file = files.get(i);
            violations.required(part + "[" + i + "].name", file.name());
            violations.required(part + "[" + i + "].mimeType", file.mimeType());
        }
    }

    private static void addFiles(MultipartBody.Builder body, String part, List<BinaryAttachment> files) {
        for (BinaryAttachment file : files) {
            MediaType type = MediaType.parse(file.mimeType());
            body.addFormDataPart(part, file.name(), RequestBody.create(file.bytes(), type == null ? OCTET_STREAM : type));
        }
    }

    private MasStackTicket parseTicket(ApiResponse response) {
        try {
            return MasStackTicket.fromJson(response.body(), response.utf8Body());
        } catch (IllegalArgumentException e) {
            throw new ProviderException("masstack answered HTTP " + response.status() + " with a body that is not a trouble ticket",
                    new ErrorDetails("masstack", response.status(), null, e.getMessage(), null, response.body(),
                            response.attempts()), e);
        }
    }

    private byte[] json(Object value) {
        try {
            return transport.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** Ticket ids are JIRA keys ({@code RED-84}); anything else is escaped so that it stays one path segment. */
    private static String encode(String ticketId) {
        return okhttp3.HttpUrl.parse("http://x/").newBuilder().addPathSegment(ticketId).build().encodedPath().substring(1);
    }

    @Override
    public String toString() {
        return "MasStackApi[" + transport.baseUrl() + "]";
    }
}
