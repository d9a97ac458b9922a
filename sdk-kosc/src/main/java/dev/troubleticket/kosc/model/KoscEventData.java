package dev.troubleticket.kosc.model;

import dev.troubleticket.core.model.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * The typed {@code data} of a feed event, one record per shape the document describes. Events whose type
 * carries no data have {@link None}; types this SDK does not know, and data that does not have the
 * documented shape, have {@link Generic} with the JSON as received.
 */
public sealed interface KoscEventData {

    /** No data ({@code "data": null} or a type the document says has none). */
    record None() implements KoscEventData {
    }

    /** {@code order-submitted}: the order's Kosc reference. */
    record OrderSubmitted(String koscOrderRef) implements KoscEventData {
    }

    /** One endpoint created by a completed order. */
    record Endpoint(String serviceUuid, String serviceAlias, Map<String, Object> fields) implements KoscEventData {
        /** Copies the fields; absent ones are an empty map. */
        public Endpoint {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /** {@code order-completed}: the endpoints and the created service. */
    record OrderCompleted(List<Endpoint> endpoints, String serviceUuid, String serviceAlias) implements KoscEventData {
        /** Copies the endpoints; absent ones are an empty list. */
        public OrderCompleted {
            endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        }
    }

    /**
     * A provider message: {@code order-on-site-intervention-succeeded}, {@code -failed},
     * {@code order-appointment-deferred}.
     */
    record ProviderMessage(String message) implements KoscEventData {
    }

    /** {@code order-info}: an information message, possibly ending the deferred status. */
    record InfoMessage(String message, Boolean stopDeferred) implements KoscEventData {
    }

    /** {@code order-information-from-provider}: a message and its reason. */
    record InformationFromProvider(String message, String description) implements KoscEventData {
    }

    /** {@code order-rejected}: the supplier's reject codes. */
    record OrderRejected(String rejectReason, String rejectCode, String rejectSubcode, String rejectDescription)
            implements KoscEventData {
    }

    /** {@code order-cancelled}: why. */
    record OrderCancelled(String reason) implements KoscEventData {
    }

    /** {@code order-appointment-agreed}: the time slot ({@code endDate} is {@code null} on fibre). */
    record AppointmentAgreed(Timestamp startDate, Timestamp endDate) implements KoscEventData {
    }

    /** {@code order-localloop-desaturation-planned}: the desaturation type ({@code LL_FREE_DESAT}). */
    record DesaturationPlanned(String desaturationType) implements KoscEventData {
    }

    /**
     * CRI: intervention report files by name (for example {@code fichier 1}) to a URL. The URLs carry an
     * access token valid 30 minutes, so {@link #toString()} shows the names only.
     */
    record InterventionReportFiles(Map<String, String> files) implements KoscEventData {
        /** Copies the files; absent ones are an empty map. */
        public InterventionReportFiles {
            files = files == null ? Map.of() : Map.copyOf(files);
        }

        @Override
        public String toString() {
            return "InterventionReportFiles[files=" + files.keySet() + "]";
        }
    }

    /** Data of a type this SDK does not know, or not in the documented shape: the JSON as received. */
    record Generic(String json) implements KoscEventData {
    }
}
