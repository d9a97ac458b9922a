package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.auth.AuthProvider;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportListener;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.instrument.AttemptObserver;
import dev.troubleticket.core.instrument.HttpAttempt;
import dev.troubleticket.core.instrument.Instrumentation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an adapter's requests: adds the user agent and authentication, retries what may be retried within
 * the call's deadline, re-authenticates once after a 401, keeps each attempt to its own deadline, logs without
 * secrets, and turns every failure into a {@link TicketingException}. One instance per client; thread-safe.
 *
 * <p>Its helpers each do one job: {@link BaseUrl} checks the base URL and resolves request paths against it,
 * {@link ResponseBodies} reads an answer within the size limit and decodes it, {@link RetryAfter} reads the wait
 * a provider asks for, and {@link JsonCodec} writes JSON bodies and reads JSON answers.
 */
public final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    /** Shared by every client built without the caller's own OkHttpClient, so that they share one pool. */
    private static final OkHttpClient DEFAULT_CLIENT = new OkHttpClient();

    /** The media type of JSON request bodies ({@link JsonCodec#MEDIA_TYPE}). */
    public static final MediaType JSON = JsonCodec.MEDIA_TYPE;

    private final String provider;
    private final BaseUrl baseUrl;
    private final OkHttpClient client;
    private final TransportOptions options;
    private final AuthProvider auth;
    private final ErrorBodyParser errorParser;
    private final JsonCodec json;
    private final String userAgent;
    private final long maxResponseBytes;

    public HttpTransport(String provider, String baseUrl, TransportOptions options, AuthProvider auth,
                         ErrorBodyParser errorParser, ObjectMapper mapper) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.options = Objects.requireNonNull(options, "options");
        this.baseUrl = new BaseUrl(BaseUrl.check(baseUrl, options.allowInsecureHttp()));
        this.auth = Objects.requireNonNull(auth, "auth");
        this.errorParser = Objects.requireNonNull(errorParser, "errorParser");
        this.json = new JsonCodec(provider, mapper);
        this.userAgent = SdkVersion.userAgent(provider, options.userAgentSuffix());
        this.maxResponseBytes = options.maxResponseBytes();
        OkHttpClient base = options.okHttpClient() != null ? options.okHttpClient() : DEFAULT_CLIENT;
        this.client = base.newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                // Set on each call instead: an attempt's deadline is its own limit or what is left of the call's.
                .callTimeout(Duration.ZERO)
                // OkHttp would silently replay a POST after a connection failure; our retry policy decides instead.
                .retryOnConnectionFailure(false)
                .build();
    }

    /** {@link BaseUrl#check}, for the adapters' builders. */
    public static HttpUrl checkBaseUrl(String baseUrl, boolean allowInsecureHttp) {
        return BaseUrl.check(baseUrl, allowInsecureHttp);
    }

    public String provider() {
        return provider;
    }

    public HttpUrl baseUrl() {
        return baseUrl.url();
    }

    public ObjectMapper mapper() {
        return json.mapper();
    }

    /** The derived OkHttp client (for adapters that need raw access, such as the event listener). */
    public OkHttpClient okHttpClient() {
        return client;
    }

    /** A JSON request body for the given value. */
    public RequestBody jsonBody(Object value) {
        return json.body(value);
    }

    /** Sends the request and reads its 2xx answer as {@code type}. */
    public <T> T send(ApiRequest request, Class<T> type) {
        return read(send(request), json.mapper().constructType(type));
    }

    /** Sends the request and reads its 2xx answer as {@code type}. */
    public <T> T send(ApiRequest request, TypeReference<T> type) {
        return read(send(request), json.mapper().constructType(type));
    }

    /** Reads an answer's body as {@code type}; an unreadable body becomes a {@link dev.troubleticket.core.error.ProviderException} keeping it. */
    public <T> T read(ApiResponse response, JavaType type) {
        return json.read(response, type);
    }

    /**
     * Sends the request, retrying as the policy allows, and answers its 2xx response; any other outcome
     * is thrown as a {@link TicketingException}.
     */
    public ApiResponse send(ApiRequest request) {
        RetryPolicy policy = options.retryPolicy();
        TransportListener listener = options.listener();
        Instrumentation instrumentation = options.instrumentation();
        boolean observed = instrumentation != Instrumentation.none();
        Operations.RunningOperation operation = observed ? Operations.current() : null;
        HttpUrl url = baseUrl.resolve(request);
        String path = url.encodedPath();
        long deadline = System.nanoTime() + options.callTimeout().toNanos();
        boolean reauthenticated = false;
        // Whether any attempt so far may have reached the provider (then so may the call, whatever comes next).
        boolean reached = false;
        int attempt = 0;
        while (true) {
            attempt++;
            String authorization = request.authenticated() ? obtainAuthorization() : null;
            HttpAttempt told = null;
            AttemptObserver observer = AttemptObserver.NONE;
            if (observed) {
                told = new HttpAttempt(provider, operation, request.method(), url.scheme(), url.host(), url.port(), path, attempt);
                observer = instrumentation.attemptStarted(told);
                if (operation != null) {
                    operation.attempted();
                }
            }
            Request okRequest = toOkHttp(request, url, authorization, told);
            long started = System.nanoTime();
            ApiResponse response;
            try {
                response = execute(okRequest, deadline, attempt);
            } catch (BoundedBody.OverLimit over) {
                answered(observer, operation, over.status);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                LOG.debug("{} {} {} -> {} over the response size limit in {} ms (attempt {})", provider, request.method(), path,
                        over.status, elapsed.toMillis(), attempt);
                listener.onResponse(provider, request.method(), path, over.status, elapsed, attempt);
                // The same request gets the same answer: never retried.
                throw ResponseBodies.tooLarge(provider, provider + " " + request.method() + " " + path, over, attempt,
                        maxResponseBytes);
            } catch (RuntimeException e) {
                observer.failed(e);
                throw e;
            } catch (IOException e) {
                observer.failed(e);
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
                    if (told != null) {
                        instrumentation.retryScheduled(told, e.getClass().getSimpleName(), delay);
                    }
                    pause(policy, delay, request, attempt, reached);
                    continue;
                }
                throw new TransportException(provider + " " + request.method() + " " + path + " failed after " + attempt
                        + " attempt" + (attempt == 1 ? "" : "s") + ": " + describe(e)
                        + (healable ? "" : "; not retried: this client refuses the server's certificate or host name"),
                        ErrorDetails.none(provider).withAttempts(attempt), e, reached, healable);
            }
            reached = true;
            answered(observer, operation, response.status());
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
                if (told != null) {
                    instrumentation.reauthenticating(told);
                }
                continue;
            }
            Duration retryAfter = RetryAfter.of(response);
            if (policy.retryableStatuses().contains(response.status()) && attempt <= policy.maxRetries()
                    && (request.idempotent() || response.status() == 429)) {
                Duration delay = retryAfter != null ? retryAfter : policy.backoff(attempt);
                boolean withinLimit = retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0;
                if (withinLimit && fits(deadline, delay)) {
                    listener.onRetry(provider, request.method(), path, attempt + 1, String.valueOf(response.status()), delay);
                    if (told != null) {
                        instrumentation.retryScheduled(told, String.valueOf(response.status()), delay);
                    }
                    pause(policy, delay, request, attempt, reached);
                    continue;
                }
            }
            throw ErrorMapper.map(provider, response, safeParse(response), retryAfter);
        }
    }

    private static void answered(AttemptObserver observer, Operations.RunningOperation operation, int status) {
        observer.responded(status);
        if (operation != null) {
            operation.answered(status);
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

    private Request toOkHttp(ApiRequest request, HttpUrl url, String authorization, HttpAttempt told) {
        Request.Builder builder = new Request.Builder().url(url).header("User-Agent", userAgent)
                .header("Accept", "application/json");
        request.headers().forEach(builder::header);
        if (told != null) {
            told.headers().forEach(builder::header);
        }
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
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new InterruptedIOException("call timeout of " + options.callTimeout() + " reached");
        }
        Call call = client.newCall(request);
        // OkHttp's own call timeout, per attempt: so the call's deadline holds across retries.
        call.timeout().timeout(Math.min(remaining, options.attemptTimeout().toNanos()), TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            try {
                return ResponseBodies.read(response, attempt, maxResponseBytes);
            } catch (BoundedBody.OverLimit over) {
                // Closing a body before its end would first read on for a while to keep the connection: drop it instead.
                call.cancel();
                throw over;
            }
        }
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
}
