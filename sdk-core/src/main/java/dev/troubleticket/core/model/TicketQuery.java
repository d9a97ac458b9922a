package dev.troubleticket.core.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which tickets to list. Every criterion is optional; an adapter that cannot filter on one
 * server-side filters the results itself, so the answer is the same on every provider.
 *
 * @param statuses       neutral statuses to keep (empty: all)
 * @param providerStatus the provider's own status name to keep, or {@code null}
 * @param updatedSince   keep tickets updated at or after this instant, or {@code null}
 * @param pageSize       how many tickets to ask for per page, or {@code 0} for the adapter's default
 * @param providerFilters provider-specific filters by the provider's own parameter names
 */
public record TicketQuery(
        Set<TicketStatus> statuses,
        String providerStatus,
        Instant updatedSince,
        int pageSize,
        Map<String, String> providerFilters) {

    /** Copies the sets and maps; a negative page size is refused. */
    public TicketQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        providerFilters = providerFilters == null ? Map.of() : Map.copyOf(providerFilters);
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must not be negative");
        }
    }

    /** A query for every ticket. */
    public static TicketQuery all() {
        return builder().build();
    }

    /** Starts a builder for a query that matches every ticket until narrowed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the ticket meets the criteria that an adapter can check locally. */
    public boolean matches(Ticket ticket) {
        if (!statuses.isEmpty() && !statuses.contains(ticket.status())) {
            return false;
        }
        if (providerStatus != null && !providerStatus.equals(ticket.providerStatus())) {
            return false;
        }
        return updatedSince == null || ticket.updatedAt() == null || !ticket.updatedAt().isBefore(updatedSince);
    }

    /** Builds a {@link TicketQuery}. */
    public static final class Builder {
        private Set<TicketStatus> statuses = Set.of();
        private String providerStatus;
        private Instant updatedSince;
        private int pageSize;
        private final Map<String, String> providerFilters = new LinkedHashMap<>();

        /** Sets the neutral statuses to list (any of them), replacing those set before. */
        public Builder statuses(Set<TicketStatus> value) { this.statuses = value; return this; }
        /** Sets the one neutral status to list, replacing those set before. */
        public Builder status(TicketStatus value) { this.statuses = Set.of(value); return this; }
        /** Sets the provider's own status name to list. */
        public Builder providerStatus(String value) { this.providerStatus = value; return this; }
        /** Sets the earliest last-change time of the tickets to list. */
        public Builder updatedSince(Instant value) { this.updatedSince = value; return this; }
        /** Sets how many tickets to ask for per page; {@code 0} for the adapter's default. */
        public Builder pageSize(int value) { this.pageSize = value; return this; }
        /** Adds a provider-specific filter by the provider's own parameter name. */
        public Builder providerFilter(String name, String value) { this.providerFilters.put(name, value); return this; }

        /** Makes the query. */
        public TicketQuery build() {
            return new TicketQuery(statuses, providerStatus, updatedSince, pageSize, providerFilters);
        }
    }
}
