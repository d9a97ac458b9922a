package dev.troubleticket.core;

import java.util.List;

/**
 * One page of a listing, as the provider returned it.
 *
 * @param items      the items of this page, in the provider's order
 * @param nextCursor what to ask for to get the next page, or {@code null} when this is the last page
 * @param totalCount the total number of items the provider reports, or {@code -1} when it does not say
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, String nextCursor, long totalCount) {
    /** Copies the items, so that the page cannot change after it is made. */
    public Page {
        items = List.copyOf(items);
    }

    /** A page with no total count. */
    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, nextCursor, -1);
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
