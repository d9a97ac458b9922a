package dev.troubleticket.examples.boot;

import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A small back office on Spring Boot: its clients come from {@code application.yml}
 * ({@code troubleticket.clients.kosc}, {@code troubleticket.clients.nexera}), a {@link TicketLog} handler per client
 * follows their events (Nexera's notifications arrive on this application's own server), and the actuator answers
 * {@code /actuator/health} and {@code /actuator/metrics}.
 *
 * <p>It starts the Kosc and Nexera simulators itself, on free loopback ports, and hands their addresses to
 * {@code application.yml} as {@code simulators.kosc.base-url} and {@code simulators.nexera.base-url}. With
 * {@code --demo} it walks one ticket at each provider, checks its own health and metrics endpoints, and exits
 * (0 when every step held).
 *
 * <pre>./example BackOffice [--demo] [--server.port=8080]</pre>
 */
@SpringBootApplication
public class BackOffice {

    /** Runs the back office; with {@code --demo}, exits when the demo is over. */
    public static void main(String[] args) {
        int code = run(args);
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }

    /**
     * Starts the simulators and the application. With {@code --demo}: waits for the demo, closes everything and
     * answers its exit code; else answers {@link Integer#MIN_VALUE} and leaves the application running.
     */
    public static int run(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean demo = arguments.remove("--demo");
        Path journals = journals();
        KoscSimulator kosc = new KoscSimulator().start(0);
        NexeraSimulator nexera = new NexeraSimulator().start(0);
        SpringApplication application = new SpringApplication(BackOffice.class);
        application.setDefaultProperties(Map.of(
                "simulators.kosc.base-url", kosc.baseUrl(),
                "simulators.nexera.base-url", nexera.baseUrl(),
                "simulators.nexera.base-path", NexeraSimulator.DEFAULT_BASE_PATH,
                // Fresh simulators each run: a journal of an earlier run would take their new events for repeats.
                "simulators.journals", journals.toString(),
                // The demo takes any free port, so that it runs beside anything listening on 8080.
                "server.port", demo ? "0" : "8080",
                "backoffice.demo", String.valueOf(demo)));
        // As beans, the simulators close after the subscriptions have stopped, not before.
        application.addInitializers(context -> {
            GenericApplicationContext beans = (GenericApplicationContext) context;
            beans.registerBean("koscSimulator", KoscSimulator.class, () -> kosc, bean -> bean.setDestroyMethodName("close"));
            beans.registerBean("nexeraSimulator", NexeraSimulator.class, () -> nexera, bean -> bean.setDestroyMethodName("close"));
        });
        if (!demo) {
            application.run(arguments.toArray(String[]::new));
            return Integer.MIN_VALUE;
        }
        try {
            ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
            return SpringApplication.exit(context);
        } finally {
            delete(journals);
        }
    }

    /** The demo's journals are of no use once it is over. */
    private static void delete(Path directory) {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("the demo's journals are left in " + directory + ": " + e.getMessage());
        }
    }

    private static Path journals() {
        try {
            return Files.createTempDirectory("troubleticket-backoffice-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the subscriptions' journals", e);
        }
    }
}
