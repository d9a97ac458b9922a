package dev.troubleticket.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing that fetches its pages lazily: the next page is asked for only when iteration reaches it,
 * and only one page is held at a time, so that a listing of a million tickets runs in little memory.
 *
 * <p>Each call to {@link #iterator()}, {@link #stream()} or {@link #pages()} starts again from the first page.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final PageFetcher<T> fetcher;
    private final Predicate<? super T> filter;

    private PagedIterable(PageFetcher<T> fetcher, Predicate<? super T> filter) {
        this.fetcher = fetcher;
        this.filter = filter;
    }

    /** A listing over the pages that {@code fetcher} returns. */
    public static <T> PagedIterable<T> of(PageFetcher<T> fetcher) {
        return new PagedIterable<>(fetcher, item -> true);
    }

    /** The same listing keeping only the items that match (for filters the provider cannot apply). */
    public PagedIterable<T> filtered(Predicate<? super T> keep) {
        Predicate<? super T> current = filter;
        return new PagedIterable<>(fetcher, item -> current.test(item) && keep.test(item));
    }

    /** The pages, one at a time. Filters do not apply to this view: it shows the pages as received. */
    public Iterable<Page<T>> pages() {
        return () -> new PageIterator<>(fetcher);
    }

    @Override
    public Iterator<T> iterator() {
        PageIterator<T> pages = new PageIterator<>(fetcher);
        return new Iterator<>() {
            private Iterator<T> current = java.util.Collections.emptyIterator();
            private T next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (current.hasNext()) {
                        T candidate = current.next();
                        if (candidate != null && filter.test(candidate)) {
                            next = candidate;
                        }
                    } else if (pages.hasNext()) {
                        current = pages.next().items().iterator();
                    } else {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T result = next;
                next = null;
                return result;
            }
        };
    }

    /** The items as a sequential, lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Walks the pages; stops after a page without a next cursor, or when the cursor repeats. */
    private static final class PageIterator<T> implements Iterator<Page<T>> {
        private final PageFetcher<T> fetcher;
        private String cursor;
        private boolean started;
        private boolean finished;

        PageIterator(PageFetcher<T> fetcher) {
            this.fetcher = fetcher;
        }

        @Override
        public boolean hasNext() {
            return !finished;
        }

        @Override
        public Page<T> next() {
            if (finished) {
                throw new NoSuchElementException();
            }
            Page<T> page = fetcher.fetch(started ? cursor : null);
            started = true;
            String next = page.nextCursor();
            // A provider that answers the same cursor again would make us loop for ever.
            finished = next == null || next.equals(cursor) || page.items().isEmpty();
            cursor = next;
            return page;
        }
    }
}
