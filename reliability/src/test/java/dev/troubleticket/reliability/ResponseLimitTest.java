package dev.troubleticket.reliability;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.reliability.HostileBodies.Hostility;
import dev.troubleticket.testkit.ProviderSimulator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A huge or endless answer ends in a {@code ResponseTooLargeException}, not an {@link OutOfMemoryError}:
 * per provider, a client in a JVM of its own with {@value #CHILD_HEAP} and the default 32 MiB limit meets a
 * 1 GiB body with and without {@code Content-Length}, an endless chunked body and an endless JSON array,
 * all generated while they are sent; each call fails typed, at its first attempt, within a few seconds,
 * and the same client's next call is answered.
 */
@ExtendWith(ReliabilityReport.class)
class ResponseLimitTest {
    static final String CHILD_HEAP = "-Xmx128m";
    /** Far more than the limit's reading takes, far less than the default read and attempt timeouts. */
    private static final long FEW_SECONDS_MILLIS = 10_000;
    private static final long CHILD_DEADLINE_SECONDS = 120;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void hugeAndEndlessAnswersAreTypedErrorsInASmallHeapAndTheClientGoesOn(String provider) throws Exception {
        ProviderProfile profile = ProviderProfile.of(provider);
        try (ProviderSimulator simulator = profile.newSimulator().start(0)) {
            Map<String, String> settings = new LinkedHashMap<>(profile.settings(simulator));
            String ticketId;
            try (TicketingClient seeding = TicketingClients.create(provider, ProviderSettings.of(settings))) {
                Ticket seeded = seeding.create(profile.request("LIMIT-" + provider));
                ticketId = seeded.id();
            }
            if (provider.equals("masstack")) {
                // MasStack has no list: its hostile answer is to a get.
                settings.put(HostileBodyClient.TICKET_ID, ticketId);
            }
            HostileBodies[] hostile = new HostileBodies[1];
            simulator.server().interpose(real -> hostile[0] = new HostileBodies(real, arrayOpening(provider)));

            Map<Hostility, Map<String, String>> results = runChild(provider, settings);

            for (Hostility hostility : Hostility.values()) {
                Map<String, String> result = results.get(hostility);
                assertThat(result).as(hostility + ": the child JVM gave no result").isNotNull();
                assertThat(result.get("outcome")).as(hostility + ": " + result).isEqualTo("ResponseTooLargeException");
                assertThat(result.get("status")).isEqualTo("200");
                assertThat(result.get("attempts")).as(hostility + ": not retried").isEqualTo("1");
                assertThat(result.get("retryable")).isEqualTo("false");
                assertThat(result.get("namesSetting")).isEqualTo("true");
                assertThat(result.get("limit")).isEqualTo(String.valueOf(TransportOptions.DEFAULT_MAX_RESPONSE_BYTES));
                assertThat(Long.parseLong(result.get("bytesRead"))).as(hostility + ": read no more than the limit and one read")
                        .isLessThanOrEqualTo(TransportOptions.DEFAULT_MAX_RESPONSE_BYTES + 8192);
                assertThat(Long.parseLong(result.get("millis"))).as(hostility + ": within a few seconds").isLessThan(FEW_SECONDS_MILLIS);
                assertThat(result.get("next")).as(hostility + ": the same client's next call").startsWith("ok ");
                assertThat(hostile[0].gets(hostility)).as(hostility + ": the hostile call and the next one, no retry").isEqualTo(2);
                if (hostility == Hostility.DECLARED_1_GIB) {
                    assertThat(result.get("declared")).isEqualTo(String.valueOf(HostileBodies.ONE_GIB));
                    assertThat(result.get("bytesRead")).as("refused before reading").isEqualTo("0");
                } else {
                    assertThat(result.get("declared")).isEqualTo("-1");
                    assertThat(Long.parseLong(result.get("bytesRead"))).isGreaterThan(TransportOptions.DEFAULT_MAX_RESPONSE_BYTES);
                }
                ReliabilityReport.line("Response size limit (client JVM " + CHILD_HEAP + ", default limit "
                        + (TransportOptions.DEFAULT_MAX_RESPONSE_BYTES >> 20) + " MiB)", String.format("%-9s %-19s %-27s %6s ms %11s bytes read, then %s",
                        provider, hostility.label(), result.get("outcome"), result.get("millis"), result.get("bytesRead"), result.get("next")));
            }
        }
    }

    /** What comes before the first ticket of an endless array: the page envelope, or a ticket up to a list field. */
    private static String arrayOpening(String provider) {
        return switch (provider) {
            case "kosc" -> "{\"count\":1000000000,\"next\":null,\"previous\":null,\"results\":[";
            case "masstack" -> "{\"ticketId\":\"1\",\"baseTroubleTicketState\":\"OPENACTIVE\",\"dialogs\":[";
            default -> "[";
        };
    }

    /** Runs {@link HostileBodyClient} in its own small JVM and reads its results, by hostility. */
    private static Map<Hostility, Map<String, String>> runChild(String provider, Map<String, String> settings) throws Exception {
        Path settingsFile = Files.createTempFile(Path.of("target"), "hostile-" + provider, ".properties");
        try {
            Properties properties = new Properties();
            properties.putAll(settings);
            try (Writer out = Files.newBufferedWriter(settingsFile, StandardCharsets.UTF_8)) {
                properties.store(out, null);
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    CHILD_HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    HostileBodyClient.class.getName(), provider, settingsFile.toString()));
            for (Hostility hostility : Hostility.values()) {
                command.add(hostility.name());
            }
            Path out = Files.createTempFile(Path.of("target"), "hostile-" + provider, ".out");
            Path errors = Files.createTempFile(Path.of("target"), "hostile-" + provider, ".err");
            Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(errors.toFile()).start();
            boolean ended = child.waitFor(CHILD_DEADLINE_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor();
            }
            String output = Files.readString(out);
            String stderr = Files.readString(errors);
            Files.deleteIfExists(out);
            Files.deleteIfExists(errors);
            assertThat(ended).as("the child JVM ended").isTrue();
            assertThat(child.exitValue()).as("the child JVM's exit (3 after an OutOfMemoryError); output: " + output
                    + "; stderr: " + stderr).isZero();
            return parse(output);
        } finally {
            Files.deleteIfExists(settingsFile);
        }
    }

    private static Map<Hostility, Map<String, String>> parse(String output) {
        Map<Hostility, Map<String, String>> results = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.strip().split("\t");
            if (fields.length < 2 || !fields[0].equals("RESULT")) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 2; i < fields.length; i++) {
                int equals = fields[i].indexOf('=');
                values.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
            }
            results.put(Hostility.valueOf(fields[1]), values);
        }
        return results;
    }
}
