package dev.troubleticket.core.auth;

import dev.troubleticket.core.instrument.Instrumentation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer (or other scheme) tokens from a {@link TokenSource}, renewed shortly before they expire so
 * that requests do not fail on an expired token.
 *
 * <p>However many threads need a token at the moment it expires, exactly one calls the source; the
 * others wait for its answer and use it. After a 401 the rejected token is dropped and the next caller
 * obtains a new one, again only once.
 */
public final class RenewingTokenAuth implements AuthProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RenewingTokenAuth.class);

    private final TokenSource source;
    private final String scheme;
    private final Duration margin;
    private final Clock clock;
    private final String provider;
    private final Instrumentation instrumentation;
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile AccessToken current;
    private volatile int renewals;

    private RenewingTokenAuth(TokenSource source, String scheme, Duration margin, Clock clock, String provider,
                              Instrumentation instrumentation) {
        this.source = Objects.requireNonNull(source, "source");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.margin = Objects.requireNonNull(margin, "margin");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.provider = provider;
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
    }

    /** Bearer tokens renewed 60 seconds before they expire. */
    public static RenewingTokenAuth bearer(TokenSource source) {
        return new RenewingTokenAuth(source, "Bearer", Duration.ofSeconds(60), Clock.systemUTC(), null, Instrumentation.none());
    }

    /** Tokens with the given scheme, renewed {@code margin} before they expire, on the given clock. */
    public static RenewingTokenAuth of(TokenSource source, String scheme, Duration margin, Clock clock) {
        return new RenewingTokenAuth(source, scheme, margin, clock, null, Instrumentation.none());
    }

    /**
     * The same authentication, telling {@code instrumentation} about each token obtained for {@code provider}. For a
     * new instance only: a token already held is not carried over.
     */
    public RenewingTokenAuth instrumented(String provider, Instrumentation instrumentation) {
        return new RenewingTokenAuth(source, scheme, margin, clock, Objects.requireNonNull(provider, "provider"), instrumentation);
    }

    @Override
    public String authorization() {
        return scheme + " " + validToken().value();
    }

    /** A token that is good for at least the renewal margin, renewing it first if needed. */
    public AccessToken validToken() {
        AccessToken token = current;
        if (token != null && !token.needsRenewal(clock.instant(), margin)) {
            return token;
        }
        renewal.lock();
        try {
            // Another thread may have renewed while this one waited for the lock.
            token = current;
            Instant now = clock.instant();
            if (token != null && !token.needsRenewal(now, margin)) {
                return token;
            }
            AccessToken fresh = token == null ? source.fetch() : source.renew(token);
            renewals++;
            if (provider != null) {
                instrumentation.tokenObtained(provider, token != null);
            }
            LOG.debug("obtained a new {} token, expires at {}", scheme, fresh.expiresAt());
            current = fresh;
            return fresh;
        } finally {
            renewal.unlock();
        }
    }

    @Override
    public boolean onUnauthorized(String rejectedAuthorization) {
        renewal.lock();
        try {
            AccessToken token = current;
            // Drop the token only if it is the one that was refused; a newer one may already be in place.
            if (token != null && (scheme + " " + token.value()).equals(rejectedAuthorization)) {
                current = new AccessToken(token.value(), Instant.EPOCH, token.refreshToken());
            }
            return true;
        } finally {
            renewal.unlock();
        }
    }

    /** How many tokens were obtained so far (for monitoring and tests). */
    public int renewalCount() {
        return renewals;
    }

    @Override
    public String toString() {
        return "RenewingTokenAuth[scheme=" + scheme + ", margin=" + margin + ", token=" + (current == null ? "none" : "****") + "]";
    }
}
