package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The same calls as the SDK makes, written by hand the way an integrator would without it: OkHttp for the
 * request, a plain Jackson tree for the answer, a status check, nothing else (no retries, no validation,
 * no typed model, no neutral mapping).
 */
public final class HandWritten {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;
    private final ProviderPaths paths;
    private final String authorization;

    /**
     * The OkHttp client both sides of a loopback comparison share: OkHttp's defaults, as an integrator
     * would start from, without its silent retry. No call timeout: OkHttp keeps one by waking its watchdog
     * thread on every call (~8 µs here), which the SDK no longer pays for its own deadlines; a hand-written
     * call given one would be charged for it alone. The default 10 s read timeout still ends a hung call.
     */
    public static OkHttpClient loopbackClient() {
        return new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    }

    /** Calls to {@code provider}'s API at {@code baseUrl} with the given client. */
    public HandWritten(String provider, String baseUrl, OkHttpClient client, String token) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.paths = ProviderPaths.of(provider);
        this.authorization = "Bearer " + token;
    }

    /** Reads one ticket. */
    public JsonNode get(String ticketId) {
        return call(request(paths.ticketPath(ticketId)).get().build());
    }

    /**
     * Creates a ticket from the provider's JSON body, written to bytes on every call as any integration
     * writes its request; MasStack answers only ids, so the ticket is read back as the SDK does.
     */
    public JsonNode create(JsonNode body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode answer = call(request(paths.createPath()).post(RequestBody.create(bytes, JSON)).build());
        if (paths.provider().equals("masstack")) {
            return get(answer.get("ticketId").asText());
        }
        return answer;
    }

    /** Reads the first page of the ticket list (a JSON array). */
    public JsonNode listPage() {
        return get(paths.listPath(), paths.listQuery());
    }

    /** Reads any JSON answer of a GET, {@code query} without its {@code ?} (or {@code null}). */
    public JsonNode get(String path, String query) {
        return call(request(query == null ? path : path + "?" + query).get().build());
    }

    /** A JSON body read into a tree (once, when a benchmark is set up). */
    public static JsonNode tree(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Request.Builder request(String path) {
        return new Request.Builder().url(baseUrl + path).header("Authorization", authorization).header("Accept", "application/json");
    }

    private JsonNode call(Request request) {
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException(request.method() + " " + request.url().encodedPath() + " answered " + response.code());
            }
            return mapper.readTree(response.body().byteStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
