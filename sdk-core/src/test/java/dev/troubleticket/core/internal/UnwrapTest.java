package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnwrapTest {
    /** Stands for an adapter's typed API. */
    static final class TypedApi {
    }

    /** Stands for an adapter's client, which is also a Runnable and closeable. */
    static final class Client implements Runnable, AutoCloseable {
        @Override
        public void run() {
        }

        @Override
        public void close() {
        }
    }

    private final TypedApi api = new TypedApi();
    private final Client client = new Client();

    @Test
    void theTypedApiAndTheClientAreEachFoundByTheirOwnType() {
        assertThat(Unwrap.first("p", TypedApi.class, api, client)).isSameAs(api);
        assertThat(Unwrap.first("p", Client.class, api, client)).isSameAs(client);
    }

    @Test
    void anInterfaceOfTheClientGivesTheClient() {
        assertThat(Unwrap.first("p", Runnable.class, api, client)).isSameAs(client);
        assertThat(Unwrap.first("p", AutoCloseable.class, api, client)).isSameAs(client);
    }

    @Test
    void aTypeBothAreGivesTheFirstOffered() {
        assertThat(Unwrap.first("p", Object.class, api, client)).isSameAs(api);
    }

    @Test
    void aTypeNotOfferedIsRefusedNamingWhatIs() {
        assertThatThrownBy(() -> Unwrap.first("kosc", String.class, api, client))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kosc offers TypedApi and Client, not java.lang.String");
    }

    @Test
    void noTypeIsANullPointer() {
        assertThatThrownBy(() -> Unwrap.first("p", null, api, client)).isInstanceOf(NullPointerException.class);
    }
}
