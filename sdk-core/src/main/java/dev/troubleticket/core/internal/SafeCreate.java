package dev.troubleticket.core.internal;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.PageFetcher;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.error.TransportException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a ticket at most once per operator reference, for providers that can find a ticket by that
 * reference. The providers take no idempotency key, so the reference plays its part, as a Stripe idempotency
 * key does:
 *
 * <ol>
 *   <li>the reference is looked up first; a ticket found is answered instead of opening another, or refused
 *       with a {@link ConflictException} naming both sides when it was opened for another service or category
 *       (a key reused with other parameters);</li>
 *   <li>otherwise the create is sent once;</li>
 *   <li>after a failure that leaves the outcome unknown (no answer, a 5xx, a 2xx that cannot be read) or a
 *       refusal because of the provider's data (a ticket already open on the service), the reference is looked
 *       up again and a ticket found is answered;</li>
 *   <li>when it is not found after an unknown outcome, the create is sent once more, unless the provider said it
 *       created something (a 2xx), and a second unknown outcome is looked up a last time before it is thrown.</li>
 * </ol>
 *
 * <p>Stateless: one shared instance per adapter, called from any thread.
 */
public final class SafeCreate {
    private static final Logger LOG = LoggerFactory.getLogger(SafeCreate.class);

    /**
     * What the adapter does for one create.
     *
     * @param <T> the adapter's answer (its typed ticket, with or without the raw JSON)
     */
    public interface Steps<T> {
        /** Looks for a ticket carrying the request's reference, within the adapter's bounds; checks the reference itself. */
        Optional<T> findByReference();

        /** Sends the create once (never retried by the transport once it may have been written). */
        T send();

        /**
         * How the found ticket differs from the request in what makes it another ticket (service, category): one
         * text per difference, naming both values; empty when it is the ticket the request asks for.
         */
        List<String> differences(T found);

        /** The found ticket's identifier, for messages. */
        String idOf(T found);
    }

    private final String provider;

    /** A safe create for {@code provider}'s adapter. */
    public SafeCreate(String provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Opens the ticket {@code steps} describes, or answers the one already opened with {@code reference}.
     *
     * @param reference the operator's reference; {@code null} or blank sends the create once, with no look-up
     * @throws ConflictException when the reference is already used by a ticket for another service or category
     */
    public <T> T create(String reference, Steps<T> steps) {
        if (reference == null || reference.isBlank()) {
            return steps.send();
        }
        Optional<T> existing = steps.findByReference();
        if (existing.isPresent()) {
            LOG.debug("{}: a ticket with this reference exists ({}); answering it instead of opening another", provider,
                    steps.idOf(existing.get()));
            return sameTicket(reference, existing.get(), steps);
        }
        try {
            return steps.send();
        } catch (TransportException | ProviderException | ConflictException failure) {
            boolean unknownOutcome = isUnknownOutcome(failure);
            if (!unknownOutcome && !(failure instanceof ConflictException)) {
                throw failure;
            }
            LOG.info("{}: the create failed ({}, HTTP {}); looking the ticket up by its reference", provider,
                    failure.getClass().getSimpleName(), failure.httpStatus());
            Optional<T> found = lookUpAfter(failure, steps);
            if (found.isPresent()) {
                return sameTicket(reference, found.get(), steps);
            }
            if (!unknownOutcome || acceptedButUnreadable(failure)) {
                // Refused for another reason, or the provider said it created something that cannot be found yet:
                // sending again could open a second ticket.
                throw failure;
            }
            return sendAgain(steps, failure);
        }
    }

    /** The look-up after a failed create; when it fails too, the create's own failure is what the caller must see. */
    private static <T> Optional<T> lookUpAfter(TicketingException failure, Steps<T> steps) {
        try {
            return steps.findByReference();
        } catch (TicketingException lookupFailure) {
            failure.addSuppressed(lookupFailure);
            throw failure;
        }
    }

    private <T> T sendAgain(Steps<T> steps, TicketingException first) {
        try {
            return steps.send();
        } catch (TransportException | ProviderException again) {
            if (!isUnknownOutcome(again)) {
                throw again;
            }
            // Even now the second create may have landed: look once more rather than leave the caller guessing.
            again.addSuppressed(first);
            return lookUpAfter(again, steps).orElseThrow(() -> again);
        }
    }

    private <T> T sameTicket(String reference, T found, Steps<T> steps) {
        List<String> differences = steps.differences(found);
        if (differences.isEmpty()) {
            return found;
        }
        throw new ConflictException(provider + ": the reference '" + reference + "' is already used by ticket " + steps.idOf(found)
                + ", opened for something else: " + String.join("; ", differences)
                + ". Use a new reference for a new ticket", ErrorDetails.none(provider));
    }

    /**
     * Whether a failed create may still have opened the ticket: no answer after the request may have been written
     * (a connection never made opened nothing), a 5xx, or a 2xx that cannot be read.
     */
    static boolean isUnknownOutcome(TicketingException failure) {
        if (failure instanceof TransportException) {
            return failure.reachedProvider();
        }
        return failure.httpStatus() >= 500 || acceptedButUnreadable(failure);
    }

    private static boolean acceptedButUnreadable(TicketingException failure) {
        return failure.httpStatus() >= 200 && failure.httpStatus() < 300;
    }

    /**
     * The look-up both adapters need for {@link Steps#findByReference()}: the first item that {@code carriesReference}
     * among at most {@code maxPages} pages of {@code pages}, from the first page on. The predicate checks the
     * reference on each item itself, since a provider may ignore a filter by reference or have none.
     */
    public static <T> Optional<T> findInPages(PageFetcher<T> pages, int maxPages, Predicate<? super T> carriesReference) {
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            Page<T> found = pages.fetch(cursor);
            for (T item : found.items()) {
                if (item != null && carriesReference.test(item)) {
                    return Optional.of(item);
                }
            }
            if (!found.hasNext()) {
                break;
            }
            cursor = found.nextCursor();
        }
        return Optional.empty();
    }

    /**
     * One difference between the request and the ticket found, or {@code null} when both are the same or either is
     * unknown (a provider may leave a field out of its list).
     */
    public static String difference(String field, String requested, String found) {
        if (requested == null || found == null || requested.equalsIgnoreCase(found)) {
            return null;
        }
        return field + " '" + found + "' on the ticket, '" + requested + "' in this request";
    }
}
