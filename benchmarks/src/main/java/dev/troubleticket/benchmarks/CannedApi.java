package dev.troubleticket.benchmarks;

import dev.troubleticket.core.TicketingClient;
import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;

/**
 * One provider's canned server on loopback with both ways of calling it: the SDK's client and the
 * hand-written calls, sharing one OkHttp connection pool. Holds the create body the SDK sent, so that the
 * hand-written create sends exactly the same JSON.
 */
public final class CannedApi implements AutoCloseable {
    private final ProviderFixture fixture;
    private final CannedProvider canned;
    private final LoopbackServer server;
    private final OkHttpClient okHttp;
    private final TicketingClient sdk;
    private final HandWritten handWritten;
    private final byte[] createBody;

    private CannedApi(ProviderFixture fixture) {
        this.fixture = fixture;
        this.canned = new CannedProvider(fixture);
        this.server = LoopbackServer.start(canned);
        this.okHttp = HandWritten.loopbackClient();
        this.sdk = SdkClients.create(fixture.provider(), server.baseUrl(), okHttp);
        this.handWritten = new HandWritten(fixture.provider(), server.baseUrl(), okHttp, SdkClients.TOKEN);
        sdk.create(SampleRequests.forProvider(fixture.provider()));
        this.createBody = canned.lastCreateBody();
    }

    /** Captures {@code provider}'s JSON from its simulator and starts its canned server. */
    public static CannedApi start(String provider) {
        return new CannedApi(FixtureCapture.capture(provider));
    }

    public ProviderFixture fixture() { return fixture; }
    public TicketingClient sdk() { return sdk; }
    public HandWritten handWritten() { return handWritten; }
    /** The provider's JSON create body, as the SDK sent it. */
    public byte[] createBody() { return createBody.clone(); }
    /** The same body as a Jackson tree, for the hand-written create to write on every call. */
    public JsonNode createBodyTree() { return HandWritten.tree(createBody); }
    /** The body the canned list answers. */
    public byte[] listPage() { return canned.listPage(); }

    @Override
    public void close() {
        sdk.close();
        server.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
