package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --store jdbc:...}: the credentials taken out of the URL for the driver, and the password never shown. */
class StoreUrlTest {

    @Test
    void theUrlsCredentialsAreTakenOutForTheDriverAndWinOverTheEnvironment() {
        StoreUrl url = StoreUrl.parse("jdbc:postgresql://db:5432/noc?sslmode=require&user=noc&password=p%40ss%26word",
                Map.of(StoreUrl.USER_ENV, "other", StoreUrl.PASSWORD_ENV, "other-secret"));

        assertThat(url.url()).isEqualTo("jdbc:postgresql://db:5432/noc?sslmode=require");
        assertThat(url.user()).isEqualTo("noc");
        assertThat(url.password()).isEqualTo("p@ss&word");
        assertThat(url.toString()).isEqualTo("jdbc:postgresql://db:5432/noc?sslmode=require&user=noc&password=****");
    }

    @Test
    void withoutThemInTheUrlTheyComeFromTheEnvironment() {
        StoreUrl url = StoreUrl.parse("jdbc:postgresql://db/noc", Map.of(StoreUrl.USER_ENV, "noc", StoreUrl.PASSWORD_ENV, "secret"));

        assertThat(url.user()).isEqualTo("noc");
        assertThat(url.password()).isEqualTo("secret");
        assertThat(url.scrub("driver said: secret rejected for noc")).isEqualTo("driver said: **** rejected for noc");
    }

    @Test
    void aMaskedPasswordEndsAtTheParameterSoTheRestOfAMessageStays() {
        assertThat(StoreUrl.mask("the store jdbc:postgresql://db/noc?password=x1 has no tables"))
                .isEqualTo("the store jdbc:postgresql://db/noc?password=**** has no tables");
    }

    @Test
    void anotherDatabaseIsAUsageErrorThatDoesNotShowThePassword() {
        assertThatThrownBy(() -> StoreUrl.parse("jdbc:mysql://db/noc?password=hunter2", Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("only PostgreSQL").hasMessageNotContaining("hunter2");
    }
}
