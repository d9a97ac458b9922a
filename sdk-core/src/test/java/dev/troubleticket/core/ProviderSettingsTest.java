package dev.troubleticket.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {
    private static ProviderSettings settings(String... keysAndValues) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ProviderSettings.of(values);
    }

    @Test
    void aMissingRequiredSettingIsNamed() {
        assertThatThrownBy(() -> settings().require("baseUrl")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting 'baseUrl' is required");
        assertThat(settings("baseUrl", "https://h/").require("baseUrl")).isEqualTo("https://h/");
    }

    @Test
    void anUnsetOptionalSettingIsEmptyForEveryType() {
        ProviderSettings none = settings();
        assertThat(none.get("x")).isEmpty();
        assertThat(none.integer("x")).isEmpty();
        assertThat(none.flag("x")).isEmpty();
        assertThat(none.duration("x")).isEmpty();
        assertThat(none.oneOf("x", "a", "b")).isEmpty();
    }

    @Test
    void wholeNumbersAreReadIgnoringBlanksAndAnythingElseIsRefusedNamingTheSetting() {
        assertThat(settings("pages", " 12 ").integer("pages")).contains(12);
        assertThat(settings("pages", "-3").integer("pages")).contains(-3);
        assertThatThrownBy(() -> settings("pages", "many").integer("pages")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting 'pages' must be a whole number, not 'many'");
        assertThatThrownBy(() -> settings("pages", "1.5").integer("pages")).hasMessageContaining("'pages'");
        assertThatThrownBy(() -> settings("pages", "99999999999").integer("pages")).hasMessageContaining("'pages'");
    }

    @Test
    void flagsAreTrueOrFalseInAnyCaseAndATypoIsRefusedRatherThanReadAsFalse() {
        assertThat(settings("f", "TRUE").flag("f")).contains(true);
        assertThat(settings("f", " false ").flag("f")).contains(false);
        assertThatThrownBy(() -> settings("follow", "ture").flag("follow")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting 'follow' must be true or false, not 'ture'");
        assertThatThrownBy(() -> settings("f", "yes").flag("f")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsTakeAUnitOrIsoAndRefuseBareNumbersAndNegatives() {
        assertThat(settings("d", "500ms").duration("d")).contains(Duration.ofMillis(500));
        assertThat(settings("d", "30s").duration("d")).contains(Duration.ofSeconds(30));
        assertThat(settings("d", "5 m").duration("d")).contains(Duration.ofMinutes(5));
        assertThat(settings("d", "2H").duration("d")).contains(Duration.ofHours(2));
        assertThat(settings("d", "PT1M30S").duration("d")).contains(Duration.ofSeconds(90));
        assertThatThrownBy(() -> settings("poll", "30").duration("poll")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'poll' must be a duration").hasMessageEndingWith("not '30'");
        assertThatThrownBy(() -> settings("d", "PT-5S").duration("d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("d", "soon").duration("d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneOfAnswersTheChoiceAsSpeltAndListsTheChoicesWhenNoneMatches() {
        assertThat(settings("env", " Staging ").oneOf("env", "production", "staging")).contains("staging");
        assertThatThrownBy(() -> settings("env", "dev").oneOf("env", "production", "staging"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting 'env' must be production or staging, not 'dev'");
        assertThatThrownBy(() -> settings("v", "v4").oneOf("v", "v1", "v2", "v3"))
                .hasMessage("setting 'v' must be v1, v2 or v3, not 'v4'");
    }

    @Test
    void aValueThatCannotBeReadIsNotEchoedWhenTheSettingIsNamedLikeASecret() {
        assertThatThrownBy(() -> settings("clientSecret", "s3cr3t-value").flag("clientSecret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'clientSecret'").hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void unknownSettingsAreKeptAndIgnored() {
        ProviderSettings settings = settings("baseUrl", "https://h/", "noSuchSetting", "x");
        assertThat(settings.asMap()).containsEntry("noSuchSetting", "x");
        assertThat(settings.require("baseUrl")).isEqualTo("https://h/");
    }
}
