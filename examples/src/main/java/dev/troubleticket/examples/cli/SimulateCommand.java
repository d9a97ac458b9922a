package dev.troubleticket.examples.cli;

import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.ProviderSimulators;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ticketctl simulate}: runs a provider's simulator in the foreground until interrupted. */
@Command(name = "simulate", description = "Run a provider's simulator in the foreground (Ctrl-C to stop).")
final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    TicketCtl root;

    @Option(names = "--provider", description = "kosc, masstack or nexera (env TICKETCTL_PROVIDER)")
    String provider;

    @Option(names = "--port", description = "the loopback port to listen on (default: a free one)")
    int port;

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
            root.out.println("client settings: " + running.clientSettings());
            root.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.countDown()));
            stop.await();
        }
        return ExitCodes.OK;
    }
}
