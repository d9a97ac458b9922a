package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.subscription.StartPosition;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatchArgumentsTest {

    @Test
    void fromIsBeginningByDefaultAndReadsNowBeginningAndIsoInstantsWithAnyOffset() {
        assertThat(WatchArguments.startPosition(null)).isEqualTo(StartPosition.beginning());
        assertThat(WatchArguments.startPosition("beginning")).isEqualTo(StartPosition.beginning());
        assertThat(WatchArguments.startPosition("NOW")).isEqualTo(StartPosition.now());
        assertThat(WatchArguments.startPosition("2026-03-02T08:00:00Z")).isEqualTo(StartPosition.at(Instant.parse("2026-03-02T08:00:00Z")));
        assertThat(WatchArguments.startPosition("2026-03-02T10:00:00+02:00"))
                .isEqualTo(StartPosition.at(Instant.parse("2026-03-02T08:00:00Z")));
    }

    @Test
    void anUnreadableFromIsAUsageErrorShowingTheValue() {
        assertThatThrownBy(() -> WatchArguments.startPosition("2026-03-02"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--from wants an ISO instant").hasMessageContaining("'2026-03-02'");
    }

    @Test
    void listenReadsHostAndPortIncludingBracketedIpv6AndPortZero() {
        assertThat(WatchArguments.bindAddress("127.0.0.1:8443")).isEqualTo(new InetSocketAddress("127.0.0.1", 8443));
        assertThat(WatchArguments.bindAddress("[::1]:0")).isEqualTo(new InetSocketAddress("::1", 0));
    }

    @Test
    void aListenAddressWithoutAPortOrWithABadOneIsAUsageError() {
        assertThatThrownBy(() -> WatchArguments.bindAddress("127.0.0.1")).isInstanceOf(UsageException.class).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> WatchArguments.bindAddress(":8443")).isInstanceOf(UsageException.class).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> WatchArguments.bindAddress("127.0.0.1:")).isInstanceOf(UsageException.class).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> WatchArguments.bindAddress("127.0.0.1:http")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'http' is not a port");
        assertThatThrownBy(() -> WatchArguments.bindAddress("127.0.0.1:70000")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'70000' is not a port");
    }

    @Test
    void theCallbackUrlMustBeAbsoluteHttpAndIsNotEchoedBackBecauseItMayCarryAToken() {
        assertThat(WatchArguments.callbackUrl(null)).isNull();
        assertThat(WatchArguments.callbackUrl("https://backoffice.example/tt/listener")).isEqualTo("https://backoffice.example/tt/listener");
        assertThatThrownBy(() -> WatchArguments.callbackUrl("/listener/s3cr3t-token")).isInstanceOf(UsageException.class)
                .hasMessageContaining("absolute http:// or https:// URL").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> WatchArguments.callbackUrl("ftp://backoffice.example/s3cr3t")).isInstanceOf(UsageException.class)
                .hasMessageNotContaining("s3cr3t");
    }
}
