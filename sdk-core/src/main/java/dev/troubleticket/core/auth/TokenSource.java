package dev.troubleticket.core.auth;

/**
 * Obtains access tokens: a login, an OAuth2 exchange, a client-credentials call. Used by
 * {@link RenewingTokenAuth}, which calls it from one thread at a time.
 */
public interface TokenSource {

    /** Obtains a fresh token from scratch (logs in). */
    AccessToken fetch();

    /**
     * Renews a token that is about to expire or was refused. The default logs in again; a source with
     * refresh tokens tries the refresh first and falls back to {@link #fetch()} when it is refused.
     */
    default AccessToken renew(AccessToken current) {
        return fetch();
    }
}
