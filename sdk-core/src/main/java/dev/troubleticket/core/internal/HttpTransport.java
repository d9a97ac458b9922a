package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.auth.AuthProvider;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.ResponseTooLargeException;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportListener;
import dev.troubleticket.core.http.TransportOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an adapter's requests: adds the base URL, user agent and authentication, retries what may be
 * retried, re-authenticates once after a 401, reads each answer up to the response size limit, logs
 * without secrets, and turns every failure into a {@link TicketingException}. One instance per client;
 * thread-safe.
 */
public final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    /** Shared by every client built without the caller's own OkHttpClient, so that they share one pool. */
    private static final OkHttpClient DEFAULT_CLIENT = new OkHttpClient();

    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final String provider;
    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final TransportOptions options;
    private final AuthProvider auth;
    private final ErrorBodyParser errorParser;
    private final ObjectMapper mapper;
    private final String userAgent;
    private final long maxResponseBytes;
    // Resolving a path against the base URL re-parses both, a noticeable share of a call's own work: kept per path.
    private final Map<String, HttpUrl> resolvedPaths = new ConcurrentHashMap<>();
    private static final int RESOLVED_PATHS_LIMIT = 256;

    public HttpTransport(String provider, String baseUrl, TransportOptions options, AuthProvider auth,
                         ErrorBodyParser errorParser, ObjectMapper mapper) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.options = Objects.requireNonNull(options, "options");
        this.baseUrl = checkBaseUrl(baseUrl, options.allowInsecureHttp());
        this.auth = Objects.requireNonNull(auth, "auth");
        this.errorParser = Objects.requireNonNull(errorParser, "errorParser");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.userAgent = SdkVersion.userAgent(provider, options.userAgentSuffix());
        this.maxResponseBytes = options.maxResponseBytes();
        OkHttpClient base = options.okHttpClient() != null ? options.okHttpClient() : DEFAULT_CLIENT;
        this.client = base.newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                // Each attempt's deadline is watched by CallDeadlines instead (see there: OkHttp's costs a thread wake-up a call).
                .callTimeout(Duration.ZERO)
                // OkHttp would silently replay a POST after a connection failure; our retry policy decides instead.
                .retryOnConnectionFailure(false)
                .build();
    }

    /**
     * Parses and checks a base URL: it must be http or https, and plain http is refused for anything but
     * loopback unless {@code allowInsecureHttp}, since tokens and passwords travel in every request.
     */
    public static HttpUrl checkBaseUrl(String baseUrl, boolean allowInsecureHttp) {
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

    public String provider() {
        return provider;
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The derived OkHttp client (for adapters that need raw access, such as the event listener). */
    public OkHttpClient okHttpClient() {
        return client;
    }

    /** A JSON request body for the given value. */
    public RequestBody jsonBody(Object value) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Sends the request and reads its 2xx answer as {@code type}. */
    public <T> T send(ApiRequest request, Class<T> type) {
        return read(send(request), mapper.constructType(type));
    }

    /** Sends the request and reads its 2xx answer as {@code type}. */
    public <T> T send(ApiRequest request, TypeReference<T> type) {
        return read(send(request), mapper.constructType(type));
    }

    /** Reads an answer's body as {@code type}; an unreadable body becomes a {@link ProviderException} keeping it. */
    public <T> T read(ApiResponse response, JavaType type) {
        try {
            T value = mapper.readValue(response.body(), type);
            if (value == null) {
                throw new ProviderException(provider + " answered HTTP " + response.status() + " with an empty body where "
                        + type.getRawClass().getSimpleName() + " was expected", details(response, null));
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof TicketingException te) {
                throw te;
            }
            throw new ProviderException(provider + " answered HTTP " + response.status() + " with a body that is not the documented "
                    + type.getRawClass().getSimpleName() + ": " + e.getClass().getSimpleName() + " at "
                    + ErrorMapper.snippet(originalMessage(e)), details(response, null), e);
        }
    }

    private static String originalMessage(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return message == null ? "" : message;
    }

    private ErrorDetails details(ApiResponse response, String message) {
        return new ErrorDetails(provider, response.status(), null, message, null, response.body(), response.attempts());
    }

    /**
     * Sends the request, retrying as the policy allows, and answers its 2xx response; any other outcome
     * is thrown as a {@link TicketingException}.
     */
    public ApiResponse send(ApiRequest request) {
        RetryPolicy policy = options.retryPolicy();
        TransportListener listener = options.listener();
        HttpUrl url = resolve(request);
        String path = url.encodedPath();
        long deadline = System.nanoTime() + options.callTimeout().toNanos();
        boolean reauthenticated = false;
        // Whether any attempt so far may have reached the provider (then so may the call, whatever comes next).
        boolean reached = false;
        int attempt = 0;
        while (true) {
            attempt++;
            String authorization = request.authenticated() ? obtainAuthorization() : null;
            Request okRequest = toOkHttp(request, url, authorization);
            long started = System.nanoTime();
            ApiResponse response;
            try {
                response = execute(okRequest, deadline, attempt);
            } catch (BoundedBody.OverLimit over) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                LOG.debug("{} {} {} -> {} over the response size limit in {} ms (attempt {})", provider, request.method(), path,
                        over.status, elapsed.toMillis(), attempt);
                listener.onResponse(provider, request.method(), path, over.status, elapsed, attempt);
                // The same request gets the same answer: never retried.
                throw tooLarge(request, path, over, attempt);
            } catch (IOException e) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                LOG.debug("{} {} {} failed after {} ms (attempt {}): {}", provider, request.method(), path,
                        elapsed.toMillis(), attempt, e.getClass().getSimpleName());
                listener.onFailure(provider, request.method(), path, e, elapsed, attempt);
                boolean connected = !TransportFailures.beforeConnection(e);
                reached |= connected;
                boolean healable = !TransportFailures.cannotHeal(e);
                boolean safe = healable && (request.idempotent() || !connected);
                Duration delay = policy.backoff(attempt);
                if (safe && attempt <= policy.maxRetries() && fits(deadline, delay)) {
                    listener.onRetry(provider, request.method(), path, attempt + 1, e.getClass().getSimpleName(), delay);
                    pause(policy, delay, request, attempt, reached);
                    continue;
                }
                throw new TransportException(provider + " " + request.method() + " " + path + " failed after " + attempt
                        + " attempt" + (attempt == 1 ? "" : "s") + ": " + describe(e)
                        + (healable ? "" : "; not retried: this client refuses the server's certificate or host name"),
                        ErrorDetails.none(provider).withAttempts(attempt), e, reached, healable);
            }
            reached = true;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            LOG.debug("{} {} {} -> {} in {} ms (attempt {})", provider, request.method(), path, response.status(),
                    elapsed.toMillis(), attempt);
            listener.onResponse(provider, request.method(), path, response.status(), elapsed, attempt);
            if (response.isSuccessful()) {
                return response;
            }
            if (response.status() == 401 && authorization != null && !reauthenticated && auth.onUnauthorized(authorization)) {
                // One fresh credential is worth one more try; a second 401 means the credentials themselves are refused.
                reauthenticated = true;
                LOG.debug("{} refused the credential; re-authenticating once", provider);
                continue;
            }
            Duration retryAfter = retryAfter(response);
            if (policy.retryableStatuses().contains(response.status()) && attempt <= policy.maxRetries()
                    && (request.idempotent() || response.status() == 429)) {
                Duration delay = retryAfter != null ? retryAfter : policy.backoff(attempt);
                boolean withinLimit = retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0;
                if (withinLimit && fits(deadline, delay)) {
                    listener.onRetry(provider, request.method(), path, attempt + 1, String.valueOf(response.status()), delay);
                    pause(policy, delay, request, attempt, reached);
                    continue;
                }
            }
            throw ErrorMapper.map(provider, response, safeParse(response), retryAfter);
        }
    }

    private String obtainAuthorization() {
        try {
            return auth.authorization();
        } catch (TicketingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AuthenticationException(provider + ": could not obtain credentials: " + e.getMessage(),
                    ErrorDetails.none(provider), e);
        }
    }

    private ProviderError safeParse(ApiResponse response) {
        try {
            ProviderError parsed = errorParser.parse(response);
            return parsed == null ? ProviderError.unreadable() : parsed;
        } catch (RuntimeException e) {
            // A parser bug must not hide the provider's answer: the raw body is kept either way.
            LOG.debug("{} error body could not be parsed: {}", provider, e.toString());
            return ProviderError.unreadable();
        }
    }

    private HttpUrl resolve(ApiRequest request) {
        HttpUrl url = resolvedPaths.get(request.path());
        if (url == null) {
            url = request.path().startsWith("http://") || request.path().startsWith("https://")
                    ? HttpUrl.parse(request.path()) : baseUrl.resolve(joinPath(request.path()));
            if (url == null) {
                throw new IllegalArgumentException("cannot build a URL from " + request.path());
            }
            if (resolvedPaths.size() >= RESOLVED_PATHS_LIMIT) {
                // Paths with ids are endless; the cache is for the fixed ones (create, list, token, feed).
                resolvedPaths.clear();
            }
            resolvedPaths.put(request.path(), url);
        }
        if (request.query().isEmpty()) {
            return url;
        }
        HttpUrl.Builder builder = url.newBuilder();
        for (Map.Entry<String, String> parameter : request.query()) {
            builder.addQueryParameter(parameter.getKey(), parameter.getValue());
        }
        return builder.build();
    }

    /** Paths are relative to the base URL's own path, so that a base of {@code https://h/tmf-api/troubleTicket/v4} works. */
    private String joinPath(String path) {
        String basePath = baseUrl.encodedPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return basePath.endsWith("/") ? basePath + relative : basePath + "/" + relative;
    }

    private Request toOkHttp(ApiRequest request, HttpUrl url, String authorization) {
        Request.Builder builder = new Request.Builder().url(url).header("User-Agent", userAgent)
                .header("Accept", "application/json");
        request.headers().forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        RequestBody body = request.body();
        if (body == null && (request.method().equals("POST") || request.method().equals("PATCH"))) {
            body = RequestBody.create(new byte[0], null);
        }
        return builder.method(request.method(), body).build();
    }

    private ApiResponse execute(Request request, long deadline, int attempt) throws IOException, BoundedBody.OverLimit {
        Call call = client.newCall(request);
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new InterruptedIOException("call timeout of " + options.callTimeout() + " reached");
        }
        try (CallDeadlines.Watch watch = CallDeadlines.SHARED.watch(call, Math.min(remaining, options.attemptTimeout().toNanos()))) {
            return execute(call, attempt, watch);
        }
    }

    private ApiResponse execute(Call call, int attempt, CallDeadlines.Watch watch) throws IOException, BoundedBody.OverLimit {
        try (Response response = call.execute()) {
            MediaType type = response.body().contentType();
            byte[] bytes;
            try {
                bytes = BoundedBody.read(response, maxResponseBytes);
            } catch (BoundedBody.OverLimit over) {
                // Closing a body before its end would first read on for a while to keep the connection: drop it instead.
                call.cancel();
                throw over;
            }
            boolean utf8 = isUtf8(bytes, type);
            if (utf8 && !startsWithUtf8Bom(bytes)) {
                // Plain UTF-8, nearly every answer: the readers parse the bytes, and the text is decoded only if asked.
                return ApiResponse.ofUtf8(response.code(), lowerCaseHeaders(response), bytes, attempt);
            }
            // The text exactly as OkHttp's string() decodes it (charset from a byte order mark, else the header).
            String text = ResponseBody.create(bytes, type).string();
            return new ApiResponse(response.code(), lowerCaseHeaders(response), text, attempt, utf8 ? bytes : null);
        } catch (IOException e) {
            if (watch.expired()) {
                // Cancelled for its deadline: the same failure OkHttp's own call timeout reports.
                InterruptedIOException timeout = new InterruptedIOException("timeout");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        }
    }

    private static boolean startsWithUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    /** Whether the body's bytes are UTF-8: the header says so or says nothing, and no UTF-16 or UTF-32 byte order mark says otherwise. */
    static boolean isUtf8(byte[] bytes, MediaType type) {
        Charset declared = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        if (!StandardCharsets.UTF_8.equals(declared)) {
            return false;
        }
        boolean utf16Bom = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        boolean utf32BigEndianBom = bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == (byte) 0xFE
                && bytes[3] == (byte) 0xFF;
        return !utf16Bom && !utf32BigEndianBom;
    }

    private static Map<String, java.util.List<String>> lowerCaseHeaders(Response response) {
        Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
        for (String name : response.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
        }
        return headers;
    }

    private ResponseTooLargeException tooLarge(ApiRequest request, String path, BoundedBody.OverLimit over, int attempt) {
        String what = over.declaredLength >= 0
                ? "its Content-Length is " + over.declaredLength + " bytes; nothing was read"
                : "it declared no length and reading stopped after " + over.bytesRead + " bytes";
        Charset charset = over.type == null ? StandardCharsets.UTF_8 : over.type.charset(StandardCharsets.UTF_8);
        String prefix = new String(over.prefix, charset);
        return new ResponseTooLargeException(provider + " " + request.method() + " " + path + " answered HTTP " + over.status
                + " with a body over the response size limit of " + maxResponseBytes + " bytes (" + what
                + "); raise TransportOptions.maxResponseBytes (settings key maxResponseBytes) if such answers are expected",
                new ErrorDetails(provider, over.status, null, null, null, prefix, attempt), maxResponseBytes, over.declaredLength,
                over.bytesRead);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        // SocketTimeoutException and OkHttp's call timeout both extend InterruptedIOException.
        String what = e instanceof InterruptedIOException ? "timed out: " : "";
        return what + e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static boolean fits(long deadline, Duration delay) {
        return System.nanoTime() + delay.toNanos() < deadline;
    }

    private void pause(RetryPolicy policy, Duration delay, ApiRequest request, int attempt, boolean reached) {
        try {
            policy.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(provider + " " + request.method() + " interrupted while waiting to retry",
                    ErrorDetails.none(provider).withAttempts(attempt), e, reached, true);
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(ApiResponse response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
