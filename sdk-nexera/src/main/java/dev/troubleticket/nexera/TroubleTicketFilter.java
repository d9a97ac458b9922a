package dev.troubleticket.nexera;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which trouble tickets to list, in TMF630 filter syntax: {@code attr=value} (all criteria AND-ed,
 * {@code attr=v1,v2} for OR), dates with {@code .gt}, {@code .gte}, {@code .lt}, {@code .lte}, and
 * {@code fields} to ask for fewer attributes. The Nexera document's filters have methods of their own;
 * {@link Builder#attribute(String, String...)} reaches any other attribute a server supports.
 */
public final class TroubleTicketFilter {
    private final List<Map.Entry<String, String>> criteria;
    private final List<String> fields;
    private final int pageSize;
    private final int offset;

    private TroubleTicketFilter(Builder b) {
        this.criteria = List.copyOf(b.criteria);
        this.fields = List.copyOf(b.fields);
        this.pageSize = b.pageSize;
        this.offset = b.offset;
    }

    /** Every ticket. */
    public static TroubleTicketFilter all() {
        return builder().build();
    }

    /** Starts a filter with no criteria. */
    public static Builder builder() {
        return new Builder();
    }

    /** The query parameters of the criteria and the field selection (paging parameters are added per page). */
    public List<Map.Entry<String, String>> queryParameters() {
        List<Map.Entry<String, String>> parameters = new ArrayList<>(criteria);
        if (!fields.isEmpty()) {
            parameters.add(Map.entry("fields", String.join(",", fields)));
        }
        return parameters;
    }

    /** The number of tickets asked for per page; {@code 0} for the server's default. */
    public int pageSize() {
        return pageSize;
    }

    /** The offset of the first ticket wanted. */
    public int offset() {
        return offset;
    }

    /** The attributes asked for, or empty for all. */
    public List<String> fields() {
        return fields;
    }

    @Override
    public String toString() {
        // Criteria may carry names; their keys are enough for a log line.
        return "TroubleTicketFilter[criteria=" + criteria.stream().map(Map.Entry::getKey).toList() + ", fields=" + fields
                + ", pageSize=" + pageSize + ", offset=" + offset + "]";
    }

    /** The date attributes the Nexera document lists as filters. */
    public enum DateField {
        /** {@code resolutionDate}: when the ticket was resolved. */
        RESOLUTION_DATE("resolutionDate"),
        /** {@code statusChangeDate}: when the status last changed. */
        STATUS_CHANGE_DATE("statusChangeDate"),
        /** {@code lastUpdate}: when the ticket last changed. */
        LAST_UPDATE("lastUpdate"),
        /** {@code creationDate}: when the ticket was created. */
        CREATION_DATE("creationDate");

        private final String wireName;

        DateField(String wireName) {
            this.wireName = wireName;
        }

        /** The attribute's name on the wire. */
        public String wireName() {
            return wireName;
        }
    }

    /** How a date is compared: equal, or the TMF630 operators {@code .gt}, {@code .gte}, {@code .lt}, {@code .lte}. */
    public enum Comparison {
        /** The date itself. */
        EQUAL(""),
        /** Later than the date ({@code .gt}). */
        AFTER(".gt"),
        /** The date or later ({@code .gte}). */
        AT_OR_AFTER(".gte"),
        /** Earlier than the date ({@code .lt}). */
        BEFORE(".lt"),
        /** The date or earlier ({@code .lte}). */
        AT_OR_BEFORE(".lte");

        private final String suffix;

        Comparison(String suffix) {
            this.suffix = suffix;
        }

        /** The suffix appended to the attribute name. */
        public String suffix() {
            return suffix;
        }
    }

    /** Builds a {@link TroubleTicketFilter}. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> criteria = new ArrayList<>();
        private final List<String> fields = new ArrayList<>();
        private int pageSize;
        private int offset;

        private Builder() {
        }

        /** Tickets with one of these ids. */
        public Builder id(String... values) { return attribute("id", values); }
        /** Tickets of one of these types. */
        public Builder ticketType(String... values) { return attribute("ticketType", values); }
        /** Tickets of one of these sub-types (the document spells the filter {@code ticketSubType}). */
        public Builder ticketSubType(String... values) { return attribute("ticketSubType", values); }
        /** Tickets with this correlation id. */
        public Builder correlationId(String... values) { return attribute("correlationId", values); }
        /** Tickets with this name. */
        public Builder name(String... values) { return attribute("name", values); }
        /** Tickets whose last status change had this reason. */
        public Builder statusChangeReason(String... values) { return attribute("statusChangeReason", values); }
        /** Tickets in one of these statuses (TMF621; not in Nexera's list, so a Nexera server may ignore it). */
        public Builder status(String... values) { return attribute("status", values); }
        /** Tickets with this external id (TMF621; not in Nexera's list). */
        public Builder externalId(String... values) { return attribute("externalId", values); }

        /** Tickets whose date compares so with {@code instant}. */
        public Builder date(DateField field, Comparison comparison, Instant instant) {
            Objects.requireNonNull(instant, "instant");
            criteria.add(Map.entry(field.wireName() + comparison.suffix(), instant.toString()));
            return this;
        }

        /** Any attribute: {@code name=v1,v2} (values OR-ed). */
        public Builder attribute(String name, String... values) {
            Objects.requireNonNull(name, "name");
            if (values.length == 0) {
                throw new IllegalArgumentException("filter on " + name + " needs at least one value");
            }
            criteria.add(Map.entry(name, String.join(",", values)));
            return this;
        }

        /** Asks only for these attributes (the server adds {@code id} and {@code href}). */
        public Builder fields(String... names) {
            fields.addAll(List.of(names));
            return this;
        }

        /** How many tickets per page ({@code limit}); {@code 0} for the server's default. */
        public Builder pageSize(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("pageSize must not be negative");
            }
            this.pageSize = value;
            return this;
        }

        /** Where to start ({@code offset}). */
        public Builder offset(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("offset must not be negative");
            }
            this.offset = value;
            return this;
        }

        /** Makes the filter. */
        public TroubleTicketFilter build() {
            return new TroubleTicketFilter(this);
        }
    }
}
