package dev.troubleticket.nexera.internal.events;

import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.nexera.listener.CallbackToken;
import dev.troubleticket.nexera.model.Hub;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a subscription's TMF621 hub in its store, so that no hub is left at the provider pushing to nobody.
 *
 * <p>A registration is stored with {@code hubId} {@code null} and its callback token <em>before</em> the
 * {@code POST /hub}, then with the id the provider answered. On start, a stored registration for the same callback
 * URL and query is reused; another one is unregistered ({@code DELETE /hub/{id}}) before a new one is made. One whose
 * answer was lost ({@code hubId} {@code null}) is looked for with {@code GET /hub}, by the token in its callback (by
 * its whole callback URL when there is no token): a hub for the same URL and query is taken over, any other is
 * removed. A server without {@code GET /hub} (404, 405 or 501, or listing turned off) cannot show it: the
 * registration is made again with the same token, so that the lost hub, if it exists, pushes to the same receiver
 * and its notifications are kept once by event id.
 */
public final class HubRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(HubRegistrar.class);

    private final HubCalls hubs;
    private final SubscriptionStore store;
    private final String subscription;
    private final String provider;
    private final boolean tokenInUrl;
    private final boolean hubListing;
    private final String query;
    private final Clock clock;

    /**
     * @param tokenInUrl whether the callback URL carries a {@link CallbackToken} (no caller check configured)
     * @param hubListing whether to ask the server for {@code GET /hub} when a registration's answer was lost
     * @param query      the hub's TMF query, or {@code null} for every event
     */
    public HubRegistrar(HubCalls hubs, SubscriptionStore store, String subscription, String provider, boolean tokenInUrl,
                        boolean hubListing, String query, Clock clock) {
        this.hubs = Objects.requireNonNull(hubs, "hubs");
        this.store = Objects.requireNonNull(store, "store");
        this.subscription = Objects.requireNonNull(subscription, "subscription");
        this.provider = provider;
        this.tokenInUrl = tokenInUrl;
        this.hubListing = hubListing;
        this.query = query;
        this.clock = clock;
    }

    /**
     * The token the receiver must accept for a callback at {@code base}: the stored one when the stored registration
     * is for the same URL and query (it is reused, or made again after a lost answer), a fresh one otherwise;
     * {@code null} without a token. {@code base} is {@code null} when it is not known before the receiver binds.
     */
    public CallbackToken tokenFor(String base) {
        if (!tokenInUrl) {
            return null;
        }
        Optional<HubRegistration> stored = store.hub(subscription);
        if (base != null && stored.isPresent() && stored.get().callbackToken() != null) {
            CallbackToken token = CallbackToken.of(stored.get().callbackToken());
            if (sameCallback(stored.get(), token.appendTo(base))) {
                return token;
            }
        }
        return CallbackToken.random();
    }

    /**
     * Makes sure the provider pushes to {@code base} (with {@code token}, from {@link #tokenFor}): reuses, replaces
     * or makes the registration, keeping it in the store.
     *
     * @param problems where to report what could not be cleaned up (no secrets)
     * @throws TicketingException when the provider refused or could not be reached (the store says what to do next)
     */
    public HubRegistration register(String base, CallbackToken token, Consumer<String> problems) {
        String url = token == null ? base : token.appendTo(base);
        Optional<HubRegistration> stored = store.hub(subscription);
        if (stored.isPresent()) {
            HubRegistration previous = stored.get();
            boolean same = sameCallback(previous, url);
            if (previous.hubId() != null) {
                if (same) {
                    LOG.info("{} subscription '{}': reusing hub {} at {}", provider, subscription, previous.hubId(),
                            CallbackUrls.printable(url, token));
                    return previous;
                }
                LOG.info("{} subscription '{}': the callback changed; unregistering hub {}", provider, subscription,
                        previous.hubId());
                delete(previous.hubId());
            } else {
                Optional<HubRegistration> adopted = recoverLost(previous, same ? url : null, problems);
                if (adopted.isPresent()) {
                    return adopted.get();
                }
            }
        }
        HubRegistration pending = new HubRegistration(null, url, token == null ? null : token.value(), query, clock.instant());
        // Stored first: if the answer is lost, the next start still knows the token this hub carries.
        store.saveHub(subscription, pending);
        Hub hub = hubs.register(url, query);
        HubRegistration registered = pending.withHubId(hub.id());
        store.saveHub(subscription, registered);
        LOG.info("{} subscription '{}': registered hub {} at {}", provider, subscription, hub.id(), CallbackUrls.printable(url, token));
        return registered;
    }

    /**
     * Removes the stored registration from the provider, and from the store once it is gone. When the provider
     * cannot be reached, the registration stays in the store (the next start reuses it, the next cancel removes it).
     */
    public void unregister(Consumer<String> problems) {
        Optional<HubRegistration> stored = store.hub(subscription);
        if (stored.isEmpty()) {
            return;
        }
        HubRegistration registration = stored.get();
        try {
            if (registration.hubId() != null) {
                delete(registration.hubId());
                LOG.info("{} subscription '{}': unregistered hub {}", provider, subscription, registration.hubId());
            } else {
                recoverLost(registration, null, problems);
            }
        } catch (TicketingException e) {
            String problem = "the hub could not be unregistered (it is kept in the store; cancel again later): " + e.getMessage();
            LOG.warn("{} subscription '{}': {}", provider, subscription, problem);
            problems.accept(problem);
            return;
        }
        store.saveHub(subscription, null);
    }

    /**
     * Looks for the hub of a registration whose answer was lost, takes it over when it is for {@code url} (and the
     * query), and removes any other.
     *
     * @param url the callback URL wanted now when it is the lost one's, else {@code null} (nothing to take over)
     * @return the registration taken over, if any
     */
    private Optional<HubRegistration> recoverLost(HubRegistration lost, String url, Consumer<String> problems) {
        Optional<List<Hub>> listed = listHubs();
        if (listed.isEmpty()) {
            if (url == null) {
                String problem = "a hub whose registration answer was lost may remain at " + provider
                        + ", pushing to the previous callback URL; it cannot be found without GET /hub: remove it there";
                LOG.warn("{} subscription '{}': {}", provider, subscription, problem);
                problems.accept(problem);
            } else {
                LOG.info("{} subscription '{}': a hub whose answer was lost cannot be looked for; registering again with the "
                        + "same token, so that it pushes to this receiver too (kept once by event id)", provider, subscription);
            }
            return Optional.empty();
        }
        List<Hub> lostHubs = new ArrayList<>();
        for (Hub hub : listed.get()) {
            if (carries(hub, lost)) {
                lostHubs.add(hub);
            }
        }
        Hub kept = null;
        for (Hub hub : lostHubs) {
            if (kept == null && url != null && url.equals(hub.callback()) && Objects.equals(query, hub.query())) {
                kept = hub;
            } else {
                LOG.info("{} subscription '{}': removing hub {}, whose registration answer was lost", provider, subscription,
                        hub.id());
                delete(hub.id());
            }
        }
        if (kept == null) {
            return Optional.empty();
        }
        HubRegistration adopted = lost.withHubId(kept.id());
        store.saveHub(subscription, adopted);
        LOG.info("{} subscription '{}': hub {}, whose registration answer was lost, is taken over", provider, subscription,
                kept.id());
        return Optional.of(adopted);
    }

    /** The server's hubs, or empty when it does not list them. */
    private Optional<List<Hub>> listHubs() {
        if (!hubListing) {
            return Optional.empty();
        }
        try {
            return Optional.of(hubs.list());
        } catch (TicketingException e) {
            int status = e.httpStatus();
            boolean notAList = e instanceof ProviderException && status >= 200 && status < 300;
            if (status == 404 || status == 405 || status == 501 || notAList) {
                LOG.debug("{} does not list hubs (GET /hub: {})", provider, notAList ? "not a list" : status);
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether {@code hub} is the one {@code registration} was made for: by its token, or its whole URL without one. */
    private static boolean carries(Hub hub, HubRegistration registration) {
        if (hub.callback() == null) {
            return false;
        }
        if (registration.callbackToken() != null) {
            return CallbackToken.of(registration.callbackToken()).isIn(hub.callback());
        }
        return hub.callback().equals(registration.callbackUrl());
    }

    private boolean sameCallback(HubRegistration registration, String url) {
        return registration.callbackUrl().equals(url) && Objects.equals(registration.query(), query);
    }

    private void delete(String hubId) {
        try {
            hubs.unregister(hubId);
        } catch (TicketingException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            LOG.debug("{}: hub {} was already gone", provider, hubId);
        }
    }

    @Override
    public String toString() {
        return "HubRegistrar[provider=" + provider + ", subscription=" + subscription + ", hubListing=" + hubListing + "]";
    }
}
