package dev.troubleticket.nexera.model;

import java.net.URI;

/**
 * A listener registered at the provider ({@code POST /hub}): where the provider sends its events.
 *
 * @param id       the registration's id, needed to unregister it
 * @param callback the address the events are posted to; its path may hold the receiver's callback token, so
 *                 {@link #toString()} shows only its origin
 * @param query    which events, in TMF filter syntax ({@code eventType=TroubleTicketStatusChangeEvent}), or {@code null} for all
 */
public record Hub(String id, String callback, String query) {

    @Override
    public String toString() {
        return "Hub[id=" + id + ", callback=" + origin(callback) + ", query=" + query + "]";
    }

    /** {@code scheme://host:port/****}: no user info, path, query or fragment, any of which may carry a secret. */
    static String origin(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "****";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + "/****";
        } catch (IllegalArgumentException e) {
            return "****";
        }
    }
}
