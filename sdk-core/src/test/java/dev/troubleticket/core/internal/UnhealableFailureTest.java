package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.auth.StaticTokenAuth;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A TLS server whose certificate this client refuses: no retry can change the certificate, so the first
 * failure is the answer, and the request never left the client.
 */
class UnhealableFailureTest {
    private final MockWebServer server = new MockWebServer();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<OkHttpClient> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        clients.forEach(c -> c.dispatcher().executorService().shutdown());
    }

    /** Serves HTTPS with a self-signed certificate for {@code host}; answers what is enqueued. */
    private HeldCertificate serveTlsAs(String host) {
        HeldCertificate certificate = new HeldCertificate.Builder().commonName(host).addSubjectAlternativeName(host).build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":true}").build());
        }
        return certificate;
    }

    /** A transport whose client trusts {@code trusted} only, or the platform's authorities when {@code null}. */
    private HttpTransport transportTrusting(HeldCertificate trusted) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (trusted != null) {
            HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(trusted.certificate()).build();
            builder.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
        }
        OkHttpClient client = builder.build();
        clients.add(client);
        TransportOptions options = TransportOptions.builder().okHttpClient(client)
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(3).withSleeper(sleeps::add)).build();
        return new HttpTransport("test", server.url("/api/").toString(), options, StaticTokenAuth.bearer("t0ken"),
                ErrorBodyParser.none(), Json.mapper());
    }

    @Test
    void aServerCertificateThisClientDoesNotTrustFailsAtTheFirstTryWithoutReachingTheProvider() {
        serveTlsAs(server.getHostName());

        assertThatThrownBy(() -> transportTrusting(null).send(ApiRequest.get("tickets").build()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.getMessage()).contains("not retried");
                });
        assertThat(sleeps).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aCertificateForAnotherHostFailsAtTheFirstTryWithoutReachingTheProvider() {
        HeldCertificate certificate = serveTlsAs("tickets.other.example");

        assertThatThrownBy(() -> transportTrusting(certificate).send(ApiRequest.get("tickets").build()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(SSLPeerUnverifiedException.class);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.reachedProvider()).isFalse();
                });
        assertThat(sleeps).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theSameServerIsAnsweredOnceTheClientTrustsItsCertificate() {
        HeldCertificate certificate = serveTlsAs(server.getHostName());

        JsonNode answer = transportTrusting(certificate).send(ApiRequest.get("tickets").build(), JsonNode.class);

        assertThat(answer.get("ok").asBoolean()).isTrue();
    }
}
