package dev.troubleticket.spring;

/** Where the application's server routes a subscription's notifications. */
final class CallbackPaths {
    private CallbackPaths() {
    }

    /** The configured {@code callback-path}, or {@code /troubleticket/<name>}; with a leading slash, no trailing one. */
    static String path(String name, TroubleTicketProperties.Subscription options) {
        String path = options.getCallbackPath() != null ? options.getCallbackPath().trim() : "/troubleticket/" + name;
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
