package dev.troubleticket.nexera.internal.events;

import dev.troubleticket.nexera.listener.CallbackToken;
import java.net.InetSocketAddress;
import java.net.URI;

/** The receiver's callback URL: derived from the bind address, and shown in log lines without its secrets. */
public final class CallbackUrls {
    /** The path the embedded receiver serves; the token, when there is one, is the segment after it. */
    public static final String LISTENER_PATH = "/listener";

    private CallbackUrls() {
    }

    /** {@code http://<bind host>:<port>/listener}, {@code localhost} for a wildcard address: for tests and a LAN. */
    public static String derived(InetSocketAddress bind, int port) {
        String host = bind.getHostString();
        if (host == null || host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port + LISTENER_PATH;
    }

    /** The URL for a log line: the token masked, no user info, query or fragment. */
    public static String printable(String url, CallbackToken token) {
        try {
            URI uri = URI.create(token == null ? url : token.maskIn(url));
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "(callback URL not shown)";
        }
    }
}
