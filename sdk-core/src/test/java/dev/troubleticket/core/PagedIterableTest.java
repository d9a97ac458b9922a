package dev.troubleticket.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedIterableTest {

    /** Three pages of three numbers, counting the fetches. */
    private final List<String> fetched = new ArrayList<>();
    private final PageFetcher<Integer> numbers = cursor -> {
        fetched.add(String.valueOf(cursor));
        int start = cursor == null ? 0 : Integer.parseInt(cursor);
        List<Integer> items = IntStream.range(start, start + 3).boxed().collect(Collectors.toList());
        return Page.of(items, start + 3 < 9 ? String.valueOf(start + 3) : null);
    };

    @Test
    void fetchesTheNextPageOnlyWhenIterationReachesIt() {
        PagedIterable<Integer> listing = PagedIterable.of(numbers);
        assertThat(fetched).isEmpty();

        assertThat(listing.stream().limit(4).collect(Collectors.toList())).containsExactly(0, 1, 2, 3);

        assertThat(fetched).containsExactly("null", "3");
    }

    @Test
    void walksEveryPageInOrder() {
        assertThat(PagedIterable.of(numbers).stream().collect(Collectors.toList())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(fetched).containsExactly("null", "3", "6");
    }

    @Test
    void pageViewShowsEachPage() {
        List<Integer> sizes = new ArrayList<>();
        PagedIterable.of(numbers).pages().forEach(page -> sizes.add(page.items().size()));
        assertThat(sizes).containsExactly(3, 3, 3);
    }

    @Test
    void filterAppliesAcrossPages() {
        assertThat(PagedIterable.of(numbers).filtered(n -> n % 4 == 0).stream().collect(Collectors.toList())).containsExactly(0, 4, 8);
    }

    @Test
    void aRepeatedCursorEndsTheListingInsteadOfLoopingForever() {
        PageFetcher<Integer> stuck = cursor -> Page.of(List.of(1), "same");
        assertThat(PagedIterable.of(stuck).stream().count()).isEqualTo(2);
    }

    @Test
    void eachIterationStartsAgainFromTheFirstPage() {
        PagedIterable<Integer> listing = PagedIterable.of(numbers);
        listing.stream().findFirst();
        listing.stream().findFirst();
        assertThat(fetched).containsExactly("null", "null");
    }
}
