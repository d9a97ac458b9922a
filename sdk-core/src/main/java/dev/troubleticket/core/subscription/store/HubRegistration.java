package dev.troubleticket.core.subscription.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A push provider's registration of the subscription's receiver (a TMF621 hub), kept so that the next start
 * reuses or removes it instead of leaving one behind that pushes to nobody.
 *
 * <p>It is stored <em>before</em> the registration is sent, with {@code hubId} {@code null}: if the answer is lost,
 * the next start still knows the callback token it carried and can find and remove that hub.
 *
 * @param hubId         the provider's id of the hub, or {@code null} while its registration's answer is unknown
 * @param callbackUrl   the URL the provider calls (it may carry the token: a secret)
 * @param callbackToken the token the receiver requires in the path, or {@code null} when the provider
 *                      authenticates itself otherwise (a secret)
 * @param query         the hub's query, or {@code null}
 * @param registeredAt  when it was (or was about to be) registered
 */
public record HubRegistration(String hubId, String callbackUrl, String callbackToken, String query, Instant registeredAt) {
    /** Refuses a registration without its callback URL or registration time. */
    public HubRegistration {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** The same registration, now known by the provider's id. */
    public HubRegistration withHubId(String id) {
        return new HubRegistration(id, callbackUrl, callbackToken, query, registeredAt);
    }

    @Override
    public String toString() {
        // The callback URL and its token let anyone post events: neither is shown.
        return "HubRegistration[hubId=" + hubId + ", token=" + (callbackToken == null ? "none" : "****") + ", query=" + query
                + ", registeredAt=" + registeredAt + "]";
    }
}
