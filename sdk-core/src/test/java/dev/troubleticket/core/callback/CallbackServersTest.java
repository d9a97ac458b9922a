package dev.troubleticket.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding the embedded server (none is on sdk-core's own class path) and the options' checks. */
class CallbackServersTest {
    private static final CallbackHandler HANDLER = new CallbackHandler() {
        @Override
        public CallbackResponse handle(String method, String path, Map<String, List<String>> headers, byte[] body) {
            return new CallbackResponse(200, "");
        }

        @Override
        public int maxBodyBytes() {
            return 1024;
        }

        @Override
        public CallbackResponse bodyTooLarge(String method, String path) {
            return new CallbackResponse(413, "");
        }
    };

    @Test
    void withoutAServerOnTheClassPathStartingOneNamesTheArtifactToAdd() {
        assertThat(CallbackServers.available()).isFalse();
        assertThatThrownBy(() -> CallbackServers.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/listener", HANDLER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev.troubleticket:sdk-listener-jetty");
    }

    @Test
    void optionsHaveTheDocumentedDefaults() {
        CallbackServerOptions defaults = CallbackServerOptions.defaults();

        assertThat(defaults.maxConnections()).isEqualTo(1_000);
        assertThat(defaults.maxThreads()).isEqualTo(16);
        assertThat(defaults.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.bodyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.acceptBacklog()).isEqualTo(1_024);
        assertThat(defaults.toBuilder().maxConnections(5).build().maxConnections()).isEqualTo(5);
    }

    @Test
    void invalidOptionsAreAllNamedAtOnce() {
        assertThatThrownBy(() -> CallbackServerOptions.builder().maxConnections(0).maxThreads(2).headerTimeout(Duration.ZERO)
                .idleTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxConnections").hasMessageContaining("maxThreads")
                .hasMessageContaining("headerTimeout").hasMessageContaining("idleTimeout");
    }
}
