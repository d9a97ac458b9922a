package dev.troubleticket.kosc;

/**
 * Which events {@code GET /api/events/} lists. By default sorted by {@code creation_date}, oldest first,
 * as Kosc advises (sorting by {@code event_date} can miss events that providers send late).
 *
 * @param sortByCreationDate whether to send {@code sort=creation_date} (otherwise Kosc's default order,
 *                           newest {@code event_date} first)
 * @param objectType         {@code order} or {@code service}, or {@code null}
 * @param objectUuid         one order or service, or {@code null}
 * @param pageSize           events per page, or {@code 0} to leave Kosc's default
 */
public record EventQuery(boolean sortByCreationDate, String objectType, String objectUuid, int pageSize) {

    /** Refuses a negative page size. */
    public EventQuery {
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must not be negative");
        }
    }

    /** Every event, oldest first by creation date, 100 per page. */
    public static EventQuery all() {
        return new EventQuery(true, null, null, 100);
    }

    /** The events of one kind of object ({@code order} or {@code service}). */
    public EventQuery withObjectType(String value) {
        return new EventQuery(sortByCreationDate, value, objectUuid, pageSize);
    }

    /** The events of one order or service. */
    public EventQuery withObject(String type, String uuid) {
        return new EventQuery(sortByCreationDate, type, uuid, pageSize);
    }

    /** The same query with another page size. */
    public EventQuery withPageSize(int value) {
        return new EventQuery(sortByCreationDate, objectType, objectUuid, value);
    }
}
