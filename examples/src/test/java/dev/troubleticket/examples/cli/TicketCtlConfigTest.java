package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.TicketingProvider;
import dev.troubleticket.examples.cli.TicketCtlEndToEndTest.Run;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The config file's profiles (in a temporary config folder: XDG_CONFIG_HOME or HOME point into it, never at the real
 * home), the precedence of flags over variables over profiles, secrets kept out of the file, and the warning for an
 * adapter setting nothing reads.
 */
class TicketCtlConfigTest {
    private final KoscSimulator kosc = new KoscSimulator().start(0);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        kosc.close();
    }

    /** The environment of a user whose config folder is {@code dir}, plus {@code more}. */
    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", dir.toString(), "HOME", dir.resolve("home").toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    /** Writes the default config file under {@code dir}. */
    private Path config(String... lines) throws IOException {
        Path file = dir.resolve("ticketctl").resolve("config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static Run run(Map<String, String> env, String... args) {
        return TicketCtlEndToEndTest.run(env, List.of(args));
    }

    private String createKoscTicket(String reference) {
        try (var client = TicketingClients.create("kosc", kosc.clientSettings())) {
            return client.create(kosc.sampleCreateRequest(reference)).id();
        }
    }

    /** An address where nothing listens: a profile value that must lose to a stronger one. */
    private static String closedBaseUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void aProfileGivesTheWholeConnectionWithThePasswordFromANamedVariable() throws IOException {
        String id = createKoscTicket("PROFILE-1");
        config("[profile lab]", "provider = kosc", "base-url = " + kosc.baseUrl(), "username = " + KoscSimulator.EMAIL,
                "password-env = KOSC_PW");

        Run run = run(env("KOSC_PW", KoscSimulator.PASSWORD), "get", id, "--profile", "lab", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines()).singleElement().satisfies(t -> assertThat(t.path("id").asText()).isEqualTo(id));
    }

    @Test
    void theDefaultProfileIsUsedWithoutProfileAndTicketctlProfileChoosesAnother() throws IOException {
        String id = createKoscTicket("PROFILE-2");
        config("# two accounts", "default-profile = broken", "", "[profile broken]", "provider = kosc", "base-url = " + closedBaseUrl(),
                "username = nobody", "password-env = KOSC_PW", "timeout = 2", "", "[profile lab]", "provider = kosc",
                "base-url = " + kosc.baseUrl(), "username = " + KoscSimulator.EMAIL, "password-env = KOSC_PW");

        Run byDefault = run(env("KOSC_PW", KoscSimulator.PASSWORD), "config", "show");
        Run chosen = run(env("KOSC_PW", KoscSimulator.PASSWORD, "TICKETCTL_PROFILE", "lab"), "get", id, "--output", "json");

        assertThat(byDefault.out()).contains("# profile: broken").contains("timeout = 2  # profile broken line 9");
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(chosen.jsonLines()).singleElement().satisfies(t -> assertThat(t.path("id").asText()).isEqualTo(id));
    }

    @Test
    void flagsWinOverVariablesWhichWinOverTheProfile() throws IOException {
        config("[profile lab]", "provider = masstack", "base-url = https://profile.example", "username = from-profile",
                "timeout = 7", "setting.authVersion = v1", "setting.refreshPath = /from/profile");

        Run run = run(env("TICKETCTL_PROVIDER", "nexera", "TICKETCTL_BASE_URL", "https://env.example"), "config", "show",
                "--profile", "lab", "--provider", "kosc", "--setting", "authVersion=v2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("provider = kosc  # --provider")
                .contains("base-url = https://env.example  # env TICKETCTL_BASE_URL")
                .contains("username = from-profile  # profile lab line 4")
                .contains("timeout = 7  # profile lab line 5")
                .contains("setting.authVersion = v2  # --setting")
                .contains("setting.refreshPath = /from/profile  # profile lab line 7");
    }

    @Test
    void aFlagOverridesTheProfilesValueInARealCall() throws IOException {
        String id = createKoscTicket("PROFILE-3");
        config("[profile lab]", "provider = kosc", "base-url = " + closedBaseUrl(), "username = " + KoscSimulator.EMAIL,
                "password-env = UNSET_VARIABLE");

        // Neither the closed port nor the unset variable is used: the flags give both.
        Run run = run(env(), "get", id, "--profile", "lab", "--base-url", kosc.baseUrl(), "--password", KoscSimulator.PASSWORD,
                "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines()).singleElement().satisfies(t -> assertThat(t.path("id").asText()).isEqualTo(id));
    }

    @Test
    void thePasswordMayComeFromAFileBesideTheConfigWithItsLineBreakDropped() throws IOException {
        String id = createKoscTicket("PROFILE-4");
        config("[profile lab]", "provider = kosc", "base-url = " + kosc.baseUrl(), "username = " + KoscSimulator.EMAIL,
                "password-file = kosc.password");
        Files.writeString(dir.resolve("ticketctl").resolve("kosc.password"), KoscSimulator.PASSWORD + "\n");

        Run run = run(env(), "get", id, "--profile", "lab", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines()).singleElement().satisfies(t -> assertThat(t.path("id").asText()).isEqualTo(id));
    }

    @Test
    void aConfigUnderHomeIsReadWhenXdgConfigHomeIsNotSet() throws IOException {
        Path file = dir.resolve("home").resolve(".config").resolve("ticketctl").resolve("config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[profile at-home]\nprovider = kosc\n");

        Run run = run(Map.of("HOME", dir.resolve("home").toString()), "config", "profiles");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("at-home");
        assertThat(run.err()).contains(file.toString());
    }

    @Test
    void aPlainSecretInTheFileIsRefusedNamingTheKeyLineAndTheAlternativesWithoutShowingIt() throws IOException {
        config("[profile lab]", "provider = kosc", "password = hunter2");

        Run run = run(env(), "list", "--profile", "lab");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("line 3").contains("'password' is a secret").contains("password-env = VARIABLE")
                .contains("password-file = PATH").contains("--password or TICKETCTL_PASSWORD").doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token = abc123", "client-secret = abc123", "setting.listenerSecret = abc123",
            "setting.privateKey = abc123"})
    void everyKindOfSecretIsRefusedAsAPlainValue(String line) throws IOException {
        config("[profile lab]", line);

        Run run = run(env(), "config", "show", "--profile", "lab");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("line 2").contains("is a secret").doesNotContain("abc123");
    }

    @Test
    void aSecretsVariableThatIsNotSetIsAUsageErrorNamingIt() throws IOException {
        config("[profile lab]", "provider = kosc", "base-url = " + kosc.baseUrl(), "username = u", "password-env = KOSC_PW");

        Run run = run(env(), "list", "--profile", "lab");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("line 5").contains("password-env names KOSC_PW, which is not set");
    }

    @Test
    void showMasksEverySecretAndSaysWhereItCameFrom() throws IOException {
        config("[profile lab]", "provider = nexera", "client-secret-env = NX_SECRET", "setting.listenerSecret-file = /dev/null/x",
                "setting.tokenScheme = JWT");

        Run run = run(env("NX_SECRET", "s3cr3t-value", "TICKETCTL_PASSWORD", "pw-value"), "config", "show", "--profile", "lab",
                "--setting", "listenerSecret=cb-value");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("client-secret = ****  # profile lab line 3 (client-secret-env NX_SECRET)")
                .contains("password = ****  # env TICKETCTL_PASSWORD")
                .contains("setting.listenerSecret = ****  # --setting")
                .contains("setting.tokenScheme = ****")
                .doesNotContain("s3cr3t-value", "pw-value", "cb-value", "JWT");
    }

    @Test
    void anUnknownProfileIsAUsageErrorListingTheKnownOnes() throws IOException {
        config("[profile lab]", "provider = kosc", "[profile prod]", "provider = kosc");

        Run run = run(env(), "list", "--profile", "labb");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no profile 'labb'").contains("did you mean 'lab'?").contains("known: lab, prod");
    }

    @Test
    void aProfileWithoutAnyConfigFileIsAUsageErrorSayingWhereItLooked() {
        Run run = run(env(), "list", "--profile", "lab");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no profile 'lab': there is no config file at " + dir.resolve("ticketctl").resolve("config"));
    }

    @Test
    void anUnknownKeyIsAUsageErrorNamingItsLineAndTheKeyMeant() throws IOException {
        config("[profile lab]", "provider = kosc", "base_url = https://kosc.example");

        Run run = run(env(), "list", "--profile", "lab");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("line 3").contains("unknown key 'base_url' in profile 'lab'")
                .contains("did you mean 'base-url'?").contains("keys: provider, base-url");
    }

    @Test
    void aMalformedLineIsAUsageErrorGivingItsNumberButNotItsText() throws IOException {
        config("[profile lab]", "provider = kosc", "", "# fine", "password hunter2");

        Run run = run(env(), "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("line 5: not a 'key = value' line").doesNotContain("hunter2");
    }

    @Test
    void aKeyBeforeAnySectionOrTwiceInAProfileIsAUsageError() throws IOException {
        config("provider = kosc");
        Run outside = run(env(), "list");
        config("[profile lab]", "provider = kosc", "provider = nexera");
        Run twice = run(env(), "list");

        assertThat(outside.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outside.err()).contains("line 1").contains("before any [profile NAME] section");
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("line 3").contains("given twice").contains("first on line 2");
    }

    @Test
    void aMissingExplicitConfigFileIsAUsageErrorButAMissingDefaultOneIsFine() {
        Run explicit = run(env(), "list", "--config", dir.resolve("nope").toString());
        Run byVariable = run(env("TICKETCTL_CONFIG", dir.resolve("nope").toString()), "list");
        String id = createKoscTicket("PROFILE-5");
        Run noFile = run(env(), "get", id, "--provider", "kosc", "--base-url", kosc.baseUrl(), "--username", KoscSimulator.EMAIL,
                "--password", KoscSimulator.PASSWORD, "--output", "json");

        assertThat(explicit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(explicit.err()).contains("no such config file: " + dir.resolve("nope") + " (--config)");
        assertThat(byVariable.err()).contains("(TICKETCTL_CONFIG)");
        assertThat(noFile.exitCode()).as(noFile.err()).isZero();
    }

    @Test
    void configGivenByFlagIsReadInsteadOfTheDefaultOne() throws IOException {
        config("[profile default-one]");
        Path other = dir.resolve("other.ini");
        Files.writeString(other, "default-profile = b\n[profile a]\n[profile b]\n");

        Run run = run(env(), "config", "profiles", "--config", other.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("a", "b");
        assertThat(run.err()).contains("(default-profile: b)");
    }

    @Test
    void anUnknownSettingIsWarnedAboutWithTheKeyMeantAndTheCommandStillRuns() {
        String id = createKoscTicket("SETTING-1");

        Run run = run(env(), "get", id, "--provider", "kosc", "--base-url", kosc.baseUrl(), "--username", KoscSimulator.EMAIL,
                "--password", KoscSimulator.PASSWORD, "--setting", "authversion=v2", "--setting", "ticketScanPagesPerPoll=2",
                "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: unknown setting 'authversion' for kosc (did you mean 'authVersion'?); known: "
                + "authVersion, baseUrl").doesNotContain("'ticketScanPagesPerPoll'");
        assertThat(run.jsonLines()).singleElement().satisfies(t -> assertThat(t.path("id").asText()).isEqualTo(id));
    }

    @Test
    void aProfilesUnknownSettingIsWarnedAboutToo() throws IOException {
        config("[profile lab]", "provider = masstack", "setting.followCreated = true");

        Run run = run(env(), "config", "show", "--profile", "lab");

        assertThat(run.err()).contains("unknown setting 'followCreated' for masstack");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void noKeyTheAdapterDeclaresIsReportedUnknown(String provider) {
        TicketingProvider adapter = ServiceLoader.load(TicketingProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(provider)).findFirst().orElseThrow();
        List<String> args = new ArrayList<>(List.of("config", "show", "--provider", provider));
        adapter.settingKeys().forEach(key -> args.addAll(List.of("--setting", key + "=1")));

        Run run = run(env(), args.toArray(String[]::new));

        assertThat(adapter.settingKeys()).contains("baseUrl", "maxResponseBytes");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("unknown setting");
    }

    @Test
    void aRelativeServiceAccountPathInAProfileIsReadBesideTheConfigFile() throws IOException {
        Path file = config("[profile ms]", "provider = masstack", "service-account = accounts/masstack.json");

        Run run = run(env(), "config", "show", "--profile", "ms");

        assertThat(run.out()).contains("service-account = " + file.getParent().resolve("accounts/masstack.json")
                + "  # profile ms line 3");
    }
}
