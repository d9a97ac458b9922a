package dev.troubleticket.nexera;

import dev.troubleticket.core.contract.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServers;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621Event;
import dev.troubleticket.nexera.listener.Tmf621EventHandler;
import dev.troubleticket.nexera.listener.Tmf621EventParser;
import dev.troubleticket.nexera.model.Hub;
import dev.troubleticket.nexera.model.AttachmentRefOrValue;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.Severity;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TicketType;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation of the typed API against the stateful simulator. */
class Tmf621ApiSimulatorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private NexeraSimulator simulator;
    private TicketingClient client;
    private Tmf621Api api;

    @BeforeEach
    void start() {
        simulator = new NexeraSimulator(clock, NexeraSimulator.DEFAULT_BASE_PATH).start(0);
        client = TicketingClients.create("nexera", simulator.clientSettings());
        api = client.unwrap(Tmf621Api.class);
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private TroubleTicket createCustomerTicket(String externalId) {
        return api.create(TroubleTicket.builder().ticketType(TicketType.CUSTOMER_TROUBLE_TICKET).name("No sync " + externalId)
                .description("LOS").severity(Severity.MEDIUM).externalId(externalId).correlationId("corr-" + externalId)
                .relatedEntity(List.of(RelatedEntity.of("FTTH-" + externalId, "affectedService", "Service"))).build());
    }

    private TroubleTicket createComplaint(String externalId) {
        return api.create(TroubleTicket.builder().ticketType(TicketType.COMPLAINT).ticketSubtype(TicketSubtype.FINANCIAL)
                .name("Charged twice").description("January bill").externalId(externalId).build());
    }

    @Test
    void createdTicketIsSubmittedWithServerSetFields() {
        TroubleTicket created = createCustomerTicket("A");

        assertThat(created.id()).isNotBlank();
        assertThat(created.status()).isEqualTo(TroubleTicketStatus.SUBMITTED);
        assertThat(created.creationDate().instant()).isEqualTo(clock.instant());
        assertThat(created.href()).endsWith("/troubleTicket/" + created.id());
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }

    @Test
    void listFiltersByTypeSubtypeCorrelationAndDateOperators() {
        TroubleTicket early = createCustomerTicket("A");
        clock.advance(Duration.ofHours(1));
        createComplaint("B");
        clock.advance(Duration.ofHours(1));
        TroubleTicket late = createCustomerTicket("C");

        assertThat(ids(TroubleTicketFilter.builder().ticketType("Complaint").build())).hasSize(1);
        assertThat(ids(TroubleTicketFilter.builder().ticketSubType("Financial").build())).hasSize(1);
        assertThat(ids(TroubleTicketFilter.builder().correlationId("corr-A", "corr-C").build())).containsExactly(early.id(), late.id());
        assertThat(ids(TroubleTicketFilter.builder().date(TroubleTicketFilter.DateField.CREATION_DATE,
                TroubleTicketFilter.Comparison.AFTER, Instant.parse("2026-03-01T08:30:00Z")).build())).hasSize(2);
        assertThat(ids(TroubleTicketFilter.builder().date(TroubleTicketFilter.DateField.CREATION_DATE,
                TroubleTicketFilter.Comparison.AT_OR_BEFORE, Instant.parse("2026-03-01T08:00:00Z")).build())).containsExactly(early.id());
        assertThat(ids(TroubleTicketFilter.builder().name("No sync C").build())).containsExactly(late.id());
    }

    @Test
    void resolutionAndStatusChangeDatesCanBeFiltered() {
        TroubleTicket a = createCustomerTicket("A");
        createCustomerTicket("B");
        clock.advance(Duration.ofDays(1));
        simulator.resolve(a.id(), "fixed");

        assertThat(ids(TroubleTicketFilter.builder().date(TroubleTicketFilter.DateField.RESOLUTION_DATE,
                TroubleTicketFilter.Comparison.AT_OR_AFTER, Instant.parse("2026-03-02T00:00:00Z")).build())).containsExactly(a.id());
        assertThat(ids(TroubleTicketFilter.builder().date(TroubleTicketFilter.DateField.STATUS_CHANGE_DATE,
                TroubleTicketFilter.Comparison.BEFORE, Instant.parse("2026-03-02T00:00:00Z")).build())).hasSize(1);
        assertThat(ids(TroubleTicketFilter.builder().statusChangeReason("fixed").build())).containsExactly(a.id());
    }

    @Test
    void fieldsSelectionAnswersOnlyTheAskedAttributesPlusIdAndHref() {
        TroubleTicket created = createCustomerTicket("A");

        TroubleTicket listed = api.list(TroubleTicketFilter.builder().fields("status").build()).iterator().next();
        TroubleTicket got = api.get(created.id(), "name");

        assertThat(listed.status()).isEqualTo(TroubleTicketStatus.SUBMITTED);
        assertThat(listed.name()).isNull();
        assertThat(listed.href()).isNotNull();
        assertThat(got.name()).isEqualTo("No sync A");
        assertThat(got.status()).isNull();
    }

    @Test
    void autoPagingWalksEveryPageLazily() {
        for (int i = 0; i < 5; i++) {
            createCustomerTicket("T" + i);
        }
        int before = simulator.server().requestCount();

        List<Page<TroubleTicket>> pages = new java.util.ArrayList<>();
        api.list(TroubleTicketFilter.builder().pageSize(2).build()).pages().forEach(pages::add);

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(2, 2, 1);
        assertThat(pages.get(0).totalCount()).isEqualTo(5);
        assertThat(simulator.server().requestCount() - before).isEqualTo(3);
        assertThat(api.listPage(TroubleTicketFilter.all(), 0, 2).partial()).isTrue();
        assertThat(api.listPage(TroubleTicketFilter.all(), 4, 2).partial()).isFalse();
    }

    @Test
    void neutralListFiltersByStatusAndUpdatedSince() {
        TroubleTicket a = createCustomerTicket("A");
        createCustomerTicket("B");
        simulator.resolve(a.id(), "fixed");

        assertThat(client.list(TicketQuery.builder().status(TicketStatus.RESOLVED).build()).stream().map(t -> t.id()))
                .containsExactly(a.id());
        assertThat(client.list(TicketQuery.builder().updatedSince(clock.instant().plusSeconds(1)).build()).stream()).isEmpty();
    }

    @Test
    void notesAreAddedKeepingEarlierNotesAndTheirServerDates() {
        TroubleTicket created = createCustomerTicket("A");
        simulator.askForInformation(created.id(), "when?");
        Instant questionDate = api.get(created.id()).note().get(0).date().instant();
        clock.advance(Duration.ofMinutes(5));

        TroubleTicket updated = api.addNote(created.id(), Note.of("noc", "tomorrow 9:00"));

        assertThat(updated.note()).extracting(Note::text).containsExactly("when?", "tomorrow 9:00");
        assertThat(updated.note().get(0).date().instant()).isEqualTo(questionDate);
        assertThat(updated.note().get(1).date().instant()).isEqualTo(clock.instant());
        assertThat(client.history(created.id())).extracting(TicketEvent::comment).contains("when?", "tomorrow 9:00");
    }

    @Test
    void attachmentsAreEmbeddedAsBase64AndEarlierOnesKept() {
        TroubleTicket created = createCustomerTicket("A");

        api.addAttachment(created.id(), AttachmentRefOrValue.embedded("a.txt", "text/plain", "first".getBytes()));
        TroubleTicket updated = api.addAttachment(created.id(), AttachmentRefOrValue.embedded("b.txt", "text/plain", "second".getBytes()));

        assertThat(updated.attachment()).extracting(AttachmentRefOrValue::name).containsExactly("a.txt", "b.txt");
        assertThat(new String(updated.attachment().get(0).decodedContent())).isEqualTo("first");
        assertThat(updated.attachment().get(1).size().amount().asInteger()).isEqualTo(6);
        assertThat(client.get(created.id()).attachments()).extracting(a -> new String(a.content())).containsExactly("first", "second");
    }

    @Test
    void operatorMayCancelAnOpenTicketButNotReopenACancelledOne() {
        TroubleTicket created = createCustomerTicket("A");
        simulator.acknowledge(created.id());

        assertThat(client.transition(created.id(), StatusChange.to(TicketStatus.CANCELLED).withComment("customer fixed it")).status())
                .isEqualTo(TicketStatus.CANCELLED);
        assertThat(client.allowedTransitions(created.id())).isEmpty();
        assertThatThrownBy(() -> client.transition(created.id(), StatusChange.toProviderStatus("inProgress")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("allowed: none");
    }

    @Test
    void rejectingAResolutionNeedsANoteAndReturnsTheTicketToWork() {
        TroubleTicket created = createCustomerTicket("A");
        simulator.resolve(created.id(), "fixed");

        assertThat(client.allowedTransitions(created.id())).extracting(t -> t.target())
                .containsExactly(TicketStatus.CLOSED, TicketStatus.IN_PROGRESS);
        assertThat(client.transition(created.id(), StatusChange.to(TicketStatus.IN_PROGRESS).withComment("still no sync")).status())
                .isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void serverRefusesATransitionTheAdapterWasToldToSendBlindly() {
        TroubleTicket created = createCustomerTicket("A");

        // The typed update only checks the matrix, not the current status: the server's 409 comes back typed.
        assertThatThrownBy(() -> api.update(created.id(), TroubleTicket.builder().status(TroubleTicketStatus.CLOSED).build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.details().providerCode()).isEqualTo("INVALID_TRANSITION");
                });
    }

    @Test
    void providerSideStatusesMapOntoNeutralOnes() {
        TroubleTicket a = createCustomerTicket("A");
        TroubleTicket b = createCustomerTicket("B");
        simulator.hold(a.id(), "waiting for a part");
        simulator.reject(b.id(), "not our network");

        assertThat(client.get(a.id()).status()).isEqualTo(TicketStatus.ON_HOLD);
        assertThat(client.get(b.id()).status()).isEqualTo(TicketStatus.REJECTED);
        simulator.startWork(a.id());
        assertThat(client.get(a.id()).status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void hubDeliversEveryProviderSideChangeToASubscriptionWhoseRawEventsParseAsTheTypedOnes() throws Exception {
        TroubleTicket created = createCustomerTicket("A");
        List<TicketEvent> events = new CopyOnWriteArrayList<>();
        Tmf621Client tmf = client.unwrap(Tmf621Client.class);
        try (TicketSubscription subscription = tmf.subscribe(events::add, SubscriptionOptions.builder("typed")
                .store(new InMemorySubscriptionStore()).callback(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null)
                .build()).start()) {
            simulator.changeAttribute(created.id(), "expectedResolutionDate", "2026-03-02T12:00:00Z");
            await(events, Tmf621Event.ATTRIBUTE_VALUE_CHANGE);
            simulator.hold(created.id(), "part ordered");
            await(events, Tmf621Event.STATUS_CHANGE);
            simulator.askForInformation(created.id(), "which port?");
            await(events, Tmf621Event.INFORMATION_REQUIRED);
            simulator.deleteTicket(created.id());
            await(events, Tmf621Event.DELETE);
        }

        // The neutral event's raw() is the notification as sent: the typed event is read from it.
        Tmf621EventParser parser = new Tmf621EventParser("nexera");
        List<Tmf621Event> typed = events.stream().map(e -> parser.parse(e.raw().json().getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(typed).filteredOn(e -> e instanceof Tmf621Event.AttributeValueChange).singleElement()
                .satisfies(e -> {
                    assertThat(((Tmf621Event.AttributeValueChange) e).fieldPath()).isEqualTo("expectedResolutionDate");
                    assertThat(e.troubleTicket().expectedResolutionDate().instant()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
                });
        assertThat(typed).filteredOn(e -> e instanceof Tmf621Event.StatusChange).singleElement()
                .satisfies(e -> assertThat(e.troubleTicket().status()).isEqualTo(TroubleTicketStatus.HELD));
        assertThat(typed).anySatisfy(e -> assertThat(e).isInstanceOf(Tmf621Event.InformationRequired.class));
        assertThat(typed).anySatisfy(e -> assertThat(e).isInstanceOf(Tmf621Event.Deleted.class));
        assertThat(events).filteredOn(e -> Tmf621Event.STATUS_CHANGE.equals(e.providerType())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(TicketStatus.ON_HOLD));
        assertThat(simulator.deliveries()).allSatisfy(d -> assertThat(d.lastStatus()).isEqualTo(200));
    }

    @Test
    void aHubRegisteredWithAQueryIsSentOnlyTheEventsItAsksFor() throws Exception {
        TroubleTicket created = createCustomerTicket("A");
        List<Tmf621Event> events = new CopyOnWriteArrayList<>();
        Tmf621EventHandler handler = Tmf621EventHandler.builder(CallerCheck.acceptAll(), event -> events.add(event)).build();
        try (CallbackServer receiver = CallbackServers.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/listener",
                handler)) {
            Hub hub = api.registerHub("http://127.0.0.1:" + receiver.port() + "/listener", "eventType=TroubleTicketResolvedEvent");
            assertThat(simulator.hubs().get(hub.id()).get("query").asText()).isEqualTo("eventType=TroubleTicketResolvedEvent");
            simulator.hold(created.id(), "part ordered");
            simulator.resolve(created.id(), "fixed");
            awaitTyped(events, e -> e instanceof Tmf621Event.Resolved);
            api.unregisterHub(hub.id());
            assertThat(simulator.hubs()).doesNotContainKey(hub.id());
        }
        assertThat(events).singleElement().isInstanceOf(Tmf621Event.Resolved.class);
    }

    @Test
    void clientCredentialsTokensFromTheSimulatorAreRenewedAfterARevocation() {
        try (TicketingClient tokenClient = TicketingClients.create("nexera", simulator.tokenClientSettings())) {
            String id = createCustomerTicket("A").id();
            assertThat(tokenClient.get(id).id()).isEqualTo(id);
            simulator.revokeTokens();
            assertThat(tokenClient.get(id).id()).isEqualTo(id);
            assertThat(simulator.tokensIssued()).isEqualTo(2);
        }
    }

    private List<String> ids(TroubleTicketFilter filter) {
        return api.list(filter).stream().map(TroubleTicket::id).toList();
    }

    private static void await(List<TicketEvent> events, String eventType) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.stream().noneMatch(e -> eventType.equals(e.providerType()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + eventType + " arrived; got " + events.stream().map(TicketEvent::providerType).toList());
            }
            Thread.sleep(10);
        }
    }

    private static void awaitTyped(List<Tmf621Event> events, Predicate<Tmf621Event> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.stream().noneMatch(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching event arrived; got " + events.stream().map(Tmf621Event::eventType).toList());
            }
            Thread.sleep(10);
        }
    }
}
