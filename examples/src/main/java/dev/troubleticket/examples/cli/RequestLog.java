package dev.troubleticket.examples.cli;

import dev.troubleticket.core.http.TransportListener;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/**
 * {@code --verbose} and {@code --debug}: one line on stderr per attempt at a request, with its method, its URL, and
 * the answer's status or the failure. The URL is the base URL's scheme, host and port (never user information) and the
 * request's path; the transport hands over no query string and no header, so no credential can be printed.
 */
final class RequestLog implements TransportListener {
    private final PrintWriter err;
    private final String origin;

    RequestLog(PrintWriter err, String baseUrl) {
        this.err = err;
        this.origin = origin(baseUrl);
    }

    /** {@code scheme://host:port} of the base URL, without any user name or password in it. */
    static String origin(String baseUrl) {
        try {
            URI uri = new URI(baseUrl);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme() + "://" + (uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost())
                        + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            }
        } catch (Exception notAUri) {
            // the adapter refuses such a base URL before any request
        }
        return "";
    }

    @Override
    public void onResponse(String provider, String method, String path, int status, Duration elapsed, int attempt) {
        print(method + " " + origin + path + " -> " + status + " in " + elapsed.toMillis() + " ms" + attempt(attempt));
    }

    @Override
    public void onFailure(String provider, String method, String path, Exception cause, Duration elapsed, int attempt) {
        print(method + " " + origin + path + " -> no answer after " + elapsed.toMillis() + " ms" + attempt(attempt) + ": "
                + ExitCodes.describe(cause));
    }

    @Override
    public void onRetry(String provider, String method, String path, int nextAttempt, String reason, Duration delay) {
        print("retrying " + method + " " + origin + path + " in " + delay.toMillis() + " ms (attempt " + nextAttempt + ")");
    }

    private static String attempt(int attempt) {
        return attempt == 1 ? "" : " (attempt " + attempt + ")";
    }

    private void print(String line) {
        synchronized (err) {
            err.println("ticketctl: " + line);
            err.flush();
        }
    }
}
