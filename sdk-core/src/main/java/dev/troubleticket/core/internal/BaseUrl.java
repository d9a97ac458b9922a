package dev.troubleticket.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * A provider's base URL, checked, and the URLs of requests resolved against it: a path is relative to the base
 * URL's own path (so that a base of {@code https://h/tmf-api/troubleTicket/v4} works), an absolute {@code http(s)}
 * URL is taken as it is (a link the provider handed back), and the query parameters are added. Thread-safe.
 */
public final class BaseUrl {
    private static final int RESOLVED_PATHS_LIMIT = 256;

    private final HttpUrl url;
    // Resolving a path against the base URL re-parses both, a noticeable share of a call's own work: kept per path.
    private final Map<String, HttpUrl> resolvedPaths = new ConcurrentHashMap<>();

    /** Resolves against {@code url}, already checked. */
    public BaseUrl(HttpUrl url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    /**
     * Parses and checks a base URL: it must be http or https, and plain http is refused for anything but
     * loopback unless {@code allowInsecureHttp}, since tokens and passwords travel in every request.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL, or is plain http that is not allowed
     */
    public static HttpUrl check(String baseUrl, boolean allowInsecureHttp) {
        HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl);
        if (url == null) {
            throw new IllegalArgumentException("base URL '" + baseUrl + "' is not an http or https URL");
        }
        if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
            throw new IllegalArgumentException("refusing plain http to " + url.host()
                    + ": credentials would travel unencrypted; use https or allow insecure http explicitly");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        // Only literal addresses are checked, so that no name is resolved while building a client.
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** The base URL itself. */
    public HttpUrl url() {
        return url;
    }

    /**
     * The URL {@code request} goes to.
     *
     * @throws IllegalArgumentException when no URL can be built from its path
     */
    public HttpUrl resolve(ApiRequest request) {
        HttpUrl resolved = resolvedPaths.get(request.path());
        if (resolved == null) {
            resolved = request.path().startsWith("http://") || request.path().startsWith("https://")
                    ? HttpUrl.parse(request.path()) : url.resolve(joinPath(request.path()));
            if (resolved == null) {
                throw new IllegalArgumentException("cannot build a URL from " + request.path());
            }
            if (resolvedPaths.size() >= RESOLVED_PATHS_LIMIT) {
                // Paths with ids are endless; the cache is for the fixed ones (create, list, token, feed).
                resolvedPaths.clear();
            }
            resolvedPaths.put(request.path(), resolved);
        }
        if (request.query().isEmpty()) {
            return resolved;
        }
        HttpUrl.Builder builder = resolved.newBuilder();
        for (Map.Entry<String, String> parameter : request.query()) {
            builder.addQueryParameter(parameter.getKey(), parameter.getValue());
        }
        return builder.build();
    }

    private String joinPath(String path) {
        String basePath = url.encodedPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return basePath.endsWith("/") ? basePath + relative : basePath + "/" + relative;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
