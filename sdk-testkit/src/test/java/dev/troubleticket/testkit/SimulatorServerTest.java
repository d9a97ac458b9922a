package dev.troubleticket.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class SimulatorServerTest {

    @Test
    void keepsNoRequestOnceAnswered() throws IOException, InterruptedException {
        try (SimulatorServer server = new SimulatorServer(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(204).build();
            }
        }).start()) {
            OkHttpClient http = new OkHttpClient();
            for (int i = 0; i < 20; i++) {
                try (Response response = http.newCall(new Request.Builder().url(server.baseUrl() + "t/" + i).build()).execute()) {
                    assertThat(response.code()).isEqualTo(204);
                }
            }

            assertThat(server.requestCount()).isEqualTo(20);
            // The last request may be recorded just after its answer was dispatched; none before it may stay.
            RecordedRequest kept = server.oldestKeptRequest();
            assertThat(kept == null ? null : kept.getUrl().encodedPath()).isIn(null, "/t/19");
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
