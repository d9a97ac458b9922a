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
    /** The pages a safe create's look-up reads at most, as the SDK's default {@code safeCreateLookupPages}. */
    private static final int LOOKUP_PAGES = 2;

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

    /**
     * Creates a ticket as the SDK's safe create does, so that the create rows compare like with like: the
     * operator's reference is looked up in the ticket list first (Kosc: up to two pages of 100, newest first;
     * Nexera: the list filtered by {@code externalId}, each answer checked, up to two pages while
     * {@code X-Total-Count} says more follow), and the POST is sent only when it is not found. MasStack cannot
     * search: a plain create.
     */
    public JsonNode createAfterLookUp(JsonNode body, String reference) {
        JsonNode existing = switch (paths.provider()) {
            case "kosc" -> lookUpKosc(reference);
            case "nexera" -> lookUpTmf(reference);
            default -> null;
        };
        return existing != null ? existing : create(body);
    }

    private JsonNode lookUpKosc(String reference) {
        String after = null;
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            JsonNode tickets = get(paths.listPath(), paths.listQuery() + (after == null ? "" : "&after=" + after));
            for (JsonNode ticket : tickets) {
                if (reference.equals(ticket.path("operator_ticket_ref").asText(null))) {
                    return ticket;
                }
            }
            if (tickets.size() < CannedProvider.PAGE_SIZE) {
                return null;
            }
            after = tickets.get(tickets.size() - 1).path("sort_value").asText();
        }
        return null;
    }

    private JsonNode lookUpTmf(String reference) {
        int offset = 0;
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            String query = "externalId=" + reference + "&offset=" + offset + "&limit=" + CannedProvider.PAGE_SIZE;
            try (Response response = client.newCall(request(paths.listPath() + "?" + query).get().build()).execute()) {
                if (!response.isSuccessful()) {
                    throw new IllegalStateException("GET " + paths.listPath() + " answered " + response.code());
                }
                JsonNode tickets = mapper.readTree(response.body().byteStream());
                for (JsonNode ticket : tickets) {
                    if (reference.equals(ticket.path("externalId").asText(null))) {
                        return ticket;
                    }
                }
                offset += tickets.size();
                String total = response.header("X-Total-Count");
                if (total == null ? tickets.size() < CannedProvider.PAGE_SIZE : offset >= Long.parseLong(total)) {
                    return null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
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
