package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.Page;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two sides of each per-call benchmark do the same work: same server, same JSON, same tickets. */
class HandWrittenAndSdkAgreeTest {

    private static String idOf(String provider, JsonNode ticket) {
        return switch (provider) {
            case "masstack" -> ticket.get("ticketId").asText();
            case "kosc" -> ticket.get("alias").asText();
            default -> ticket.get("id").asText();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void getAndCreateReadTheSameTicketBothWays(String provider) throws Exception {
        try (CannedApi api = CannedApi.start(provider)) {
            Ticket sdk = api.sdk().get(api.fixture().ticketId());
            JsonNode hand = api.handWritten().get(api.fixture().ticketId());
            assertThat(sdk.raw().json()).isEqualTo(hand.toString());
            assertThat(sdk.externalReference()).isEqualTo("BENCH-0001");

            Ticket created = api.sdk().create(SampleRequests.forProvider(provider));
            JsonNode createdByHand = api.handWritten().create(api.createBodyTree());
            assertThat(new ObjectMapper().writeValueAsString(api.createBodyTree())).isEqualTo(new String(api.createBody(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(created.raw().json()).isEqualTo(createdByHand.toString());
            assertThat(new String(api.createBody())).contains("BENCH-0001");
            // The create rows compare the SDK's safe create with the same look-up written by hand: both post in the end.
            assertThat(api.handWritten().createAfterLookUp(api.createBodyTree(), "BENCH-0001").toString()).isEqualTo(createdByHand.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "nexera"})
    void aListPageHoldsTheSameHundredTicketsBothWays(String provider) {
        try (CannedApi api = CannedApi.start(provider)) {
            Page<Ticket> sdk = api.sdk().list(TicketQuery.builder().pageSize(CannedProvider.PAGE_SIZE).build()).pages().iterator().next();
            JsonNode hand = api.handWritten().listPage();

            List<String> handIds = new ArrayList<>();
            hand.forEach(ticket -> handIds.add(idOf(provider, ticket)));
            assertThat(handIds).hasSize(CannedProvider.PAGE_SIZE).doesNotHaveDuplicates();
            assertThat(sdk.items()).hasSize(CannedProvider.PAGE_SIZE);
            for (int i = 0; i < handIds.size(); i++) {
                Ticket ticket = sdk.items().get(i);
                assertThat(ticket.alternateIds().contains(handIds.get(i)) || ticket.id().equals(handIds.get(i)))
                        .as("ticket %d: %s / %s", i, ticket.id(), handIds.get(i)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "nexera"})
    void theTicketPageParsingBenchmarkReadsTheSamePageBothWays(String provider) throws Exception {
        TicketPageParsingBenchmark benchmark = new TicketPageParsingBenchmark();
        benchmark.provider = provider;
        benchmark.setUp();
        List<String> handIds = new ArrayList<>();
        benchmark.handWritten().forEach(ticket -> handIds.add(idOf(provider, ticket)));
        List<Ticket> sdk = benchmark.sdkModel().items();
        assertThat(handIds).hasSize(CannedProvider.PAGE_SIZE);
        assertThat(sdk).hasSize(CannedProvider.PAGE_SIZE);
        assertThat(benchmark.jacksonTree()).isEqualTo(benchmark.handWritten());
        for (int i = 0; i < handIds.size(); i++) {
            assertThat(sdk.get(i).alternateIds().contains(handIds.get(i)) || sdk.get(i).id().equals(handIds.get(i))).isTrue();
        }
    }

    @Test
    void theFeedPageParsingBenchmarkReadsTheSameEventsBothWays() throws Exception {
        FeedPageParsingBenchmark benchmark = new FeedPageParsingBenchmark();
        benchmark.setUp();
        JsonNode hand = benchmark.handWritten();
        var sdk = benchmark.sdkModel().items();
        assertThat(hand).hasSize(FeedPageParsingBenchmark.EVENTS);
        assertThat(sdk).hasSize(FeedPageParsingBenchmark.EVENTS);
        assertThat(benchmark.jacksonTree()).isEqualTo(hand);
        for (int i = 0; i < sdk.size(); i++) {
            assertThat(sdk.get(i).eventUuid()).isEqualTo(hand.get(i).get("event_uuid").asText());
        }
    }
}
