package dev.troubleticket.core.instrument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP attempt about to be sent: what is known of it before the answer, and a place for the instrumentation to
 * add request headers (a W3C {@code traceparent}). The URL parts carry no query string and no user info, since both
 * may hold personal data or credentials.
 */
public final class HttpAttempt {
    private static final Set<String> RESERVED = Set.of("authorization", "cookie", "host", "content-length",
            "transfer-encoding", "user-agent");

    private final String provider;
    private final Operation operation;
    private final String method;
    private final String scheme;
    private final String host;
    private final int port;
    private final String path;
    private final int number;
    private Map<String, String> headers;

    /** Made by the transport for each attempt. */
    public HttpAttempt(String provider, Operation operation, String method, String scheme, String host, int port, String path,
                       int number) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.operation = operation;
        this.method = Objects.requireNonNull(method, "method");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.path = Objects.requireNonNull(path, "path");
        this.number = number;
    }

    /** The provider id. */
    public String provider() { return provider; }

    /** The SDK operation the attempt belongs to, or {@code null} (a call of an adapter's typed API, a token request). */
    public Operation operation() { return operation; }

    /** The HTTP method ({@code GET}, {@code POST}, ...). */
    public String method() { return method; }

    /** {@code https} or {@code http}. */
    public String scheme() { return scheme; }

    /** The server's host name or address. */
    public String host() { return host; }

    /** The server's port (the scheme's default when the URL names none). */
    public int port() { return port; }

    /** The encoded path, without the query string. */
    public String path() { return path; }

    /** The URL without query string: {@code scheme://host:port/path}. */
    public String url() {
        return scheme + "://" + host + ":" + port + path;
    }

    /** 1 for the first attempt of a request, 2 for its first retry, and so on. */
    public int number() { return number; }

    /**
     * Adds a header to this attempt's request, replacing one of the same name that the instrumentation set before.
     * Headers that carry credentials or framing ({@code Authorization}, {@code Cookie}, {@code Host},
     * {@code Content-Length}, {@code Transfer-Encoding}, {@code User-Agent}) are the transport's and are refused.
     *
     * @throws IllegalArgumentException for a reserved or blank name
     */
    public void header(String name, String value) {
        Objects.requireNonNull(value, "value");
        if (name == null || name.isBlank() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("instrumentation may not set the request header '" + name + "'");
        }
        if (headers == null) {
            headers = new LinkedHashMap<>();
        }
        headers.put(name, value);
    }

    /** The headers the instrumentation added, in the order set. */
    public Map<String, String> headers() {
        return headers == null ? Map.of() : Collections.unmodifiableMap(headers);
    }

    @Override
    public String toString() {
        return "HttpAttempt[" + provider + " " + method + " " + url() + " #" + number + "]";
    }
}
