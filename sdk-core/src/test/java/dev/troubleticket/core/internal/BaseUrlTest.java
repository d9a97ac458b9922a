package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class BaseUrlTest {
    private static BaseUrl base(String url) {
        return new BaseUrl(BaseUrl.check(url, false));
    }

    @Test
    void pathsAreRelativeToTheBasePathWithOrWithoutSlashes() {
        assertThat(base("https://h.example/tmf-api/troubleTicket/v4").resolve(ApiRequest.get("/troubleTicket/42").build()))
                .hasToString("https://h.example/tmf-api/troubleTicket/v4/troubleTicket/42");
        assertThat(base("https://h.example/tmf-api/troubleTicket/v4/").resolve(ApiRequest.get("troubleTicket").build()))
                .hasToString("https://h.example/tmf-api/troubleTicket/v4/troubleTicket");
        assertThat(base("https://h.example").resolve(ApiRequest.get("/api/tickets/").build()))
                .hasToString("https://h.example/api/tickets/");
    }

    @Test
    void anAbsoluteLinkIsTakenAsItIs() {
        assertThat(base("https://h.example/api/").resolve(ApiRequest.get("https://other.example/next?page=2").build()))
                .hasToString("https://other.example/next?page=2");
    }

    @Test
    void queryParametersAreAddedEncodedAndDoNotStickToTheCachedPath() {
        BaseUrl base = base("https://h.example/api/");
        HttpUrl withQuery = base.resolve(ApiRequest.get("tickets/").query("status", "open & deferred").build());
        HttpUrl without = base.resolve(ApiRequest.get("tickets/").build());

        assertThat(withQuery.queryParameter("status")).isEqualTo("open & deferred");
        assertThat(withQuery.encodedQuery()).isEqualTo("status=open%20%26%20deferred");
        assertThat(without.query()).isNull();
    }

    @Test
    void manyDifferentPathsStillResolveEachToItsOwnUrl() {
        BaseUrl base = base("https://h.example/api/");
        for (int i = 0; i < 600; i++) {
            assertThat(base.resolve(ApiRequest.get("tickets/" + i + "/").build()).encodedPath()).isEqualTo("/api/tickets/" + i + "/");
        }
    }

    @Test
    void aBaseThatIsNotHttpOrIsPlainHttpToAnotherHostIsRefused() {
        assertThatThrownBy(() -> BaseUrl.check("ftp://h.example/", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> BaseUrl.check(null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaseUrl.check("http://h.example/", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing plain http to h.example");
        assertThat(BaseUrl.check("http://h.example/", true).host()).isEqualTo("h.example");
        assertThat(BaseUrl.check("http://127.0.0.1:8080/", false).port()).isEqualTo(8080);
    }
}
