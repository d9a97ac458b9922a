package dev.troubleticket.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import dev.troubleticket.core.contract.MutableClock;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenewingTokenAuthTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static String jwtExpiringAt(Instant exp, String subject) {
        return JWT.create().withSubject(subject).withExpiresAt(exp).sign(Algorithm.HMAC256("test-secret"));
    }

    @Test
    void thirtyTwoThreadsWaitingForATokenCauseExactlyOneRenewal() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        TokenSource slowLogin = () -> {
            calls.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AccessToken.fromJwt(jwtExpiringAt(T0.plusSeconds(3600), "one"), null, T0, null);
        };
        RenewingTokenAuth auth = RenewingTokenAuth.of(slowLogin, "Bearer", Duration.ofSeconds(60), new MutableClock(T0));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch started = new CountDownLatch(32);
        List<Future<String>> headers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            headers.add(pool.submit(() -> {
                started.countDown();
                return auth.authorization();
            }));
        }
        started.await(10, TimeUnit.SECONDS);
        Thread.sleep(100); // let every thread reach the lock while the one renewal is in flight
        release.countDown();

        for (Future<String> header : headers) {
            assertThat(header.get(10, TimeUnit.SECONDS)).startsWith("Bearer ey");
        }
        pool.shutdownNow();
        assertThat(calls).hasValue(1);
        assertThat(auth.renewalCount()).isEqualTo(1);
    }

    @Test
    void tokenIsRenewedBeforeItsJwtExpiryPasses() {
        MutableClock clock = new MutableClock(T0);
        AtomicInteger logins = new AtomicInteger();
        TokenSource source = () -> {
            int n = logins.incrementAndGet();
            return AccessToken.fromJwt(jwtExpiringAt(clock.instant().plusSeconds(3600), "login-" + n), null, clock.instant(), null);
        };
        RenewingTokenAuth auth = RenewingTokenAuth.of(source, "JWT", Duration.ofSeconds(60), clock);

        String first = auth.authorization();
        clock.advance(Duration.ofMinutes(58));
        assertThat(auth.authorization()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(61)); // now within the 60 s margin of exp
        String second = auth.authorization();

        assertThat(second).startsWith("JWT ").isNotEqualTo(first);
        assertThat(logins).hasValue(2);
    }

    @Test
    void renewalUsesTheSourcesRenewWithTheCurrentToken() {
        MutableClock clock = new MutableClock(T0);
        List<String> renewedFrom = new ArrayList<>();
        TokenSource source = new TokenSource() {
            @Override
            public AccessToken fetch() {
                return new AccessToken("access-1", clock.instant().plusSeconds(600), "refresh-1");
            }

            @Override
            public AccessToken renew(AccessToken current) {
                renewedFrom.add(current.refreshToken());
                return new AccessToken("access-2", clock.instant().plusSeconds(600), "refresh-2");
            }
        };
        RenewingTokenAuth auth = RenewingTokenAuth.of(source, "Bearer", Duration.ofSeconds(30), clock);
        assertThat(auth.authorization()).isEqualTo("Bearer access-1");
        clock.advance(Duration.ofSeconds(580));

        assertThat(auth.authorization()).isEqualTo("Bearer access-2");
        assertThat(renewedFrom).containsExactly("refresh-1");
    }

    @Test
    void aRejectedTokenIsDroppedButANewerOneIsKept() {
        MutableClock clock = new MutableClock(T0);
        AtomicInteger logins = new AtomicInteger();
        TokenSource source = () -> new AccessToken("tok-" + logins.incrementAndGet(), clock.instant().plusSeconds(3600), null);
        RenewingTokenAuth auth = RenewingTokenAuth.of(source, "Bearer", Duration.ofSeconds(60), clock);
        String first = auth.authorization();

        assertThat(auth.onUnauthorized(first)).isTrue();
        String second = auth.authorization();
        assertThat(second).isEqualTo("Bearer tok-2");

        // A late 401 for the first token must not throw away the second.
        auth.onUnauthorized(first);
        assertThat(auth.authorization()).isEqualTo(second);
        assertThat(logins).hasValue(2);
    }

    @Test
    void tokensThatAreNotJwtsUseTheFallbackLifetime() {
        AccessToken token = AccessToken.fromJwt("opaque-token", null, T0, Duration.ofMinutes(10));
        assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(AccessToken.fromJwt("opaque-token", null, T0, null).expiresAt()).isNull();
        assertThat(AccessToken.jwtExpiry(jwtExpiringAt(T0, "x"))).contains(T0);
    }

    @Test
    void noCredentialAppearsInToString() {
        AccessToken token = new AccessToken("sekrit-access", T0, "sekrit-refresh");
        assertThat(token.toString()).doesNotContain("sekrit");
        assertThat(new BasicAuth("noc", "sekrit-pass").toString()).doesNotContain("sekrit").contains("noc");
        assertThat(StaticTokenAuth.bearer("sekrit-tok").toString()).doesNotContain("sekrit");
        RenewingTokenAuth auth = RenewingTokenAuth.bearer(() -> token);
        auth.authorization();
        assertThat(auth.toString()).doesNotContain("sekrit");
    }
}
