package dev.troubleticket.examples.cli;

import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.ProviderSimulators;
import dev.troubleticket.core.ProviderSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ticketctl simulate}: runs a provider's simulator in the foreground until interrupted, prints the
 * {@code export TICKETCTL_...} lines that point another shell's {@code ticketctl} at it, and plays the provider's side
 * from the commands typed on its stdin ({@link ProviderConsole}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Run a provider's simulator in the foreground (Ctrl-C to stop); lines on stdin play the provider: "
        + "ask|resolve|defer|reject|cancel ID [TEXT].")
final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    TicketCtl root;

    @Option(names = "--provider", description = "kosc, masstack or nexera (env TICKETCTL_PROVIDER)")
    String provider;

    @Option(names = "--port", description = "the loopback port to listen on (default: a free one)")
    int port;

    /** The environment variables that {@link ConnectionOptions} reads, by the setting each one gives. */
    private static final Map<String, String> ENV_BY_SETTING = Map.of("baseUrl", "TICKETCTL_BASE_URL", "token", "TICKETCTL_TOKEN",
            "username", "TICKETCTL_USERNAME", "password", "TICKETCTL_PASSWORD", "serviceAccountFile", "TICKETCTL_SERVICE_ACCOUNT",
            "tokenUrl", "TICKETCTL_TOKEN_URL", "clientId", "TICKETCTL_CLIENT_ID", "clientSecret", "TICKETCTL_CLIENT_SECRET");

    /**
     * A block to paste into another shell so that its {@code ticketctl} commands talk to this simulator. The values are
     * printed in clear on purpose: they are the simulator's built-in test account, known to anyone with the source, and
     * open nothing else.
     */
    static String exports(String provider, ProviderSettings settings) {
        StringBuilder block = new StringBuilder();
        block.append("# The simulator's test account (not secrets: they open only this simulator). Paste into another shell:\n");
        block.append("export TICKETCTL_PROVIDER=").append(quoted(provider)).append('\n');
        List<String> others = new ArrayList<>();
        settings.asMap().forEach((key, value) -> {
            String env = ENV_BY_SETTING.get(key);
            if (env != null) {
                block.append("export ").append(env).append('=').append(quoted(value)).append('\n');
            } else {
                others.add("--setting " + quoted(key + "=" + value));
            }
        });
        if (!others.isEmpty()) {
            block.append("# and give these to each command (they have no environment variable): ")
                    .append(String.join(" ", others)).append('\n');
        }
        return block.toString();
    }

    /** The text in single quotes for a POSIX shell. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Released by tests to stop the simulator; in a shell, Ctrl-C stops the JVM. */
    static volatile CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        String id = provider != null ? provider : root.connection.provider != null ? root.connection.provider
                : root.env.get("TICKETCTL_PROVIDER");
        if (id == null) {
            throw new UsageException("which simulator? use --provider " + String.join("|", ProviderSimulators.available()));
        }
        ProviderSimulator simulator;
        try {
            simulator = ProviderSimulators.create(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (ProviderSimulator running = simulator.start(port)) {
            root.out.println(id + " simulator listening on " + running.baseUrl());
            root.out.print(exports(id, running.clientSettings()));
            root.out.println("# This terminal plays the provider: type " + ProviderConsole.HELP.replace("provider commands: ", "")
                    + "; Ctrl-C stops.");
            root.out.flush();
            Thread console = new Thread(() -> {
                try {
                    new ProviderConsole(running, root.out).readAll(
                            new BufferedReader(new InputStreamReader(root.in, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    // stdin closed: the simulator goes on until stopped
                }
            }, "ticketctl-simulate-console");
            console.setDaemon(true);
            console.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.countDown()));
            stop.await();
        }
        return ExitCodes.OK;
    }
}
