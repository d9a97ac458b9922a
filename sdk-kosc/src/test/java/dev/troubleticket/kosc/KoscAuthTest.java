package dev.troubleticket.kosc;

import dev.troubleticket.core.contract.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logins, renewal before expiry, refresh, re-login and 401 handling, against the simulator on a shared clock. */
class KoscAuthTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final KoscSimulator simulator = new KoscSimulator(clock).start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private KoscApi v2() {
        return KoscClient.builder().baseUrl(simulator.baseUrl()).v2Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD)
                .clock(clock).build().api();
    }

    private KoscTicket someTicket(KoscApi api) {
        return api.createTicket(KoscTestData.typedRequest("AUTH-" + System.nanoTime()).build());
    }

    @Test
    void v2AccessTokenIsRefreshedBeforeItExpiresWithoutANewLogin() {
        KoscApi api = v2();
        KoscTicket ticket = someTicket(api);
        assertThat(simulator.loginCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        api.getTicket(ticket.alias());

        assertThat(simulator.refreshCount()).isEqualTo(1);
        assertThat(simulator.loginCount()).isEqualTo(1);
    }

    @Test
    void refusedRefreshLeadsToANewLogin() {
        KoscApi api = v2();
        KoscTicket ticket = someTicket(api);
        simulator.revokeRefreshTokens();

        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        api.getTicket(ticket.alias());

        assertThat(simulator.refreshCount()).isZero();
        assertThat(simulator.loginCount()).isEqualTo(2);
    }

    @Test
    void expiredRefreshTokenAfterTwelveHoursLeadsToANewLogin() {
        KoscApi api = v2();
        KoscTicket ticket = someTicket(api);

        clock.advance(Duration.ofHours(13));
        api.getTicket(ticket.alias());

        assertThat(simulator.loginCount()).isEqualTo(2);
    }

    @Test
    void refusedTokenLeadsToOneReauthenticationAndTheCallSucceeds() {
        KoscApi api = v2();
        KoscTicket ticket = someTicket(api);
        simulator.revokeTokens();

        assertThat(api.getTicket(ticket.alias()).id()).isEqualTo(ticket.id());
        assertThat(simulator.refreshCount() + simulator.loginCount()).isEqualTo(2);
    }

    @Test
    void v1TokenIsSentWithTheJwtSchemeAndRenewedByLoggingInAgainAfterADay() {
        KoscApi api = KoscClient.builder().baseUrl(simulator.baseUrl()).v1Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD)
                .clock(clock).build().api();
        KoscTicket ticket = someTicket(api);

        clock.advance(Duration.ofHours(23).plusMinutes(59).plusSeconds(30));
        api.getTicket(ticket.alias());

        assertThat(simulator.loginCount()).isEqualTo(2);
    }

    @Test
    void wrongPasswordIsAnAuthenticationException() {
        KoscApi v2 = KoscClient.builder().baseUrl(simulator.baseUrl()).v2Login(KoscSimulator.EMAIL, "wrong").clock(clock).build().api();
        KoscApi v1 = KoscClient.builder().baseUrl(simulator.baseUrl()).v1Login(KoscSimulator.EMAIL, "wrong").clock(clock).build().api();

        assertThatThrownBy(() -> v2.getTicket("1")).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(401));
        // v1 answers 400 with DRF's non_field_errors; the login still fails as authentication.
        assertThatThrownBy(() -> v1.getTicket("1")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("Unable to log in").doesNotContain("wrong");
        });
    }

    @Test
    void staticTokenWorksUntilRefusedThenIsAnAuthenticationException() {
        KoscApi api = KoscClient.builder().baseUrl(simulator.baseUrl()).staticToken("JWT", simulator.issueV1Token()).build().api();
        KoscTicket ticket = someTicket(api);
        simulator.revokeTokens();

        assertThatThrownBy(() -> api.getTicket(ticket.alias())).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(401));
    }

    @Test
    void builderRefusesMissingOrConflictingSettingsListingEveryProblem() {
        assertThatThrownBy(() -> KoscClient.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl is required").hasMessageContaining("one way to authenticate");
        assertThatThrownBy(() -> KoscClient.builder().baseUrl(simulator.baseUrl()).v1Login("a@b.c", "p").staticToken("JWT", "t").build())
                .hasMessageContaining("only one way");
        assertThatThrownBy(() -> KoscClient.builder().baseUrl(simulator.baseUrl()).v2Login("a@b.c", "p").safeCreateLookupPages(0).build())
                .hasMessageContaining("safeCreateLookupPages");
        assertThatThrownBy(() -> KoscClient.builder().baseUrl(simulator.baseUrl()).v2Login("a@b.c", "p").ticketScanPagesPerPoll(0).build())
                .hasMessageContaining("ticketScanPagesPerPoll must be at least 1");
        assertThat(KoscClient.builder().baseUrl(simulator.baseUrl()).v2Login("a@b.c", "secret-pw").toString()).doesNotContain("secret-pw");
    }
}
