package dev.troubleticket.benchmarks;

/**
 * Where each provider's operations live, for the canned server and the hand-written calls.
 *
 * @param provider         the provider id
 * @param createPath       where a create is POSTed
 * @param listPath         the ticket list, or {@code null} when the provider has none (MasStack)
 * @param listQuery        the query string of one full list page, or {@code null}
 * @param ticketPathPrefix what a ticket's path starts with, before its id
 * @param ticketPathSuffix what follows the id ({@code /} for Kosc)
 */
public record ProviderPaths(String provider, String createPath, String listPath, String listQuery,
                            String ticketPathPrefix, String ticketPathSuffix) {
    private static final String NEXERA = "/api/openapi/troubleTicket/troubleTicket";

    /** The paths of {@code provider}. */
    public static ProviderPaths of(String provider) {
        return switch (provider) {
            case "kosc" -> new ProviderPaths(provider, "/api/tickets/", "/api/tickets/", "limit=" + CannedProvider.PAGE_SIZE,
                    "/api/tickets/", "/");
            case "masstack" -> new ProviderPaths(provider, "/troubleTicket", null, null, "/troubleTicket/", "");
            case "nexera" -> new ProviderPaths(provider, NEXERA, NEXERA, "offset=0&limit=" + CannedProvider.PAGE_SIZE,
                    NEXERA + "/", "");
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }

    /** Whether the provider has a ticket list. */
    public boolean hasList() {
        return listPath != null;
    }

    /** The path of one ticket. */
    public String ticketPath(String id) {
        return ticketPathPrefix + id + ticketPathSuffix;
    }
}
