package dev.troubleticket.core;

/**
 * Fetches one page of a listing. Adapters implement it; {@link PagedIterable} calls it lazily.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {
    /**
     * Fetches the page after {@code cursor}.
     *
     * @param cursor {@code null} for the first page, otherwise {@link Page#nextCursor()} of the previous page
     */
    Page<T> fetch(String cursor);
}
