package dev.troubleticket.examples.cli;

import dev.troubleticket.core.subscription.StartPosition;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads {@code watch}'s option values; a value that cannot be read is a {@link UsageException} that shows it. */
final class WatchArguments {
    private WatchArguments() {
    }

    /** {@code --from}: {@code beginning} (also when absent), {@code now}, or an ISO instant, with a zone offset. */
    static StartPosition startPosition(String from) {
        if (from == null) {
            return StartPosition.beginning();
        }
        switch (from.trim().toLowerCase(Locale.ROOT)) {
            case "beginning":
                return StartPosition.beginning();
            case "now":
                return StartPosition.now();
            default:
                break;
        }
        try {
            return StartPosition.at(Instant.parse(from.trim()));
        } catch (DateTimeParseException notUtc) {
            try {
                return StartPosition.at(OffsetDateTime.parse(from.trim()).toInstant());
            } catch (DateTimeParseException e) {
                throw new UsageException("--from wants an ISO instant (2024-05-01T08:00:00Z or 2024-05-01T10:00:00+02:00), now or "
                        + "beginning, not '" + from + "'");
            }
        }
    }

    /** {@code --listen}: {@code HOST:PORT}, with an IPv6 host in brackets ({@code [::1]:8443}); port 0 for any free one. */
    static InetSocketAddress bindAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new UsageException("--listen wants HOST:PORT (127.0.0.1:8443, 0.0.0.0:8443), not '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--listen: '" + hostPort.substring(colon + 1) + "' is not a port (0 to 65535)");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UsageException("--listen: cannot resolve the host '" + host + "'");
        }
        return address;
    }

    /** {@code --callback-url}: an absolute {@code http} or {@code https} URL, or {@code null} when not given. */
    static String callbackUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        // The URL is not shown: it may carry a token.
        throw new UsageException("--callback-url wants an absolute http:// or https:// URL");
    }
}
