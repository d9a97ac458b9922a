package dev.troubleticket.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.RequestBody;

/**
 * One request an adapter wants sent, independent of retries and authentication, which the
 * {@link HttpTransport} adds.
 *
 * @param method        the HTTP method
 * @param path          a path below the base URL ({@code /api/tickets/}) or an absolute URL
 * @param query         query parameters, in order (a name may repeat)
 * @param headers       extra headers
 * @param body          the body, or {@code null}
 * @param idempotent    whether sending it twice does no harm (then it may be retried after any failure)
 * @param authenticated whether to add the {@code Authorization} header
 */
public record ApiRequest(
        String method,
        String path,
        List<Map.Entry<String, String>> query,
        Map<String, String> headers,
        RequestBody body,
        boolean idempotent,
        boolean authenticated) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public static Builder get(String path) {
        return new Builder("GET", path, null);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path, null);
    }

    public static Builder post(String path, RequestBody body) {
        return new Builder("POST", path, body);
    }

    public static Builder patch(String path, RequestBody body) {
        return new Builder("PATCH", path, body);
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final RequestBody body;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean idempotent;
        private boolean authenticated = true;

        private Builder(String method, String path, RequestBody body) {
            this.method = method;
            this.path = path;
            this.body = body;
            // GET, PUT and DELETE are idempotent by definition; POST and PATCH are not unless the adapter says so.
            this.idempotent = method.equals("GET") || method.equals("DELETE") || method.equals("PUT");
        }

        /** Adds a query parameter; a {@code null} value is skipped. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(Map.entry(name, value.toString()));
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        public Builder authenticated(boolean value) {
            this.authenticated = value;
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(method, path, query, headers, body, idempotent, authenticated);
        }
    }
}
