package dev.troubleticket.examples.cli;

import dev.troubleticket.examples.demo.LifecycleDemo;
import dev.troubleticket.examples.support.ProviderSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ticketctl demo}: with no configuration, starts each provider's simulator in-process and walks a
 * ticket through its whole lifecycle through the neutral API, then prints a summary table.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Walk a ticket through its lifecycle at each simulated provider (no configuration needed).")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    TicketCtl root;

    @Option(names = "--provider", description = "only this provider (default: every one)")
    List<String> providers = new ArrayList<>();

    @Override
    public Integer call() {
        List<ProviderSupport> chosen = new ArrayList<>();
        if (providers.isEmpty()) {
            chosen.addAll(ProviderSupport.all());
        } else {
            for (String id : providers) {
                try {
                    chosen.add(ProviderSupport.of(id));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
        root.out.println("Trouble Ticket SDK demo: one ticket per provider, opened, questioned, answered, resolved and closed");
        root.out.println("through the provider-neutral API, against in-process simulators of each provider's API.");
        root.out.println();
        LifecycleDemo demo = new LifecycleDemo(root.out);
        List<LifecycleDemo.Outcome> outcomes = new ArrayList<>();
        for (ProviderSupport support : chosen) {
            outcomes.add(demo.run(support));
            root.out.println();
        }
        List<String[]> rows = new ArrayList<>();
        for (LifecycleDemo.Outcome o : outcomes) {
            rows.add(new String[] {o.provider(), o.ticketId(), String.join(" → ", o.statuses().stream().map(Enum::name).toList()),
                    o.finalProviderStatus(), String.valueOf(o.eventsFollowed()), String.valueOf(o.requests()),
                    String.valueOf(o.ticketsCreated()), o.elapsed().toMillis() + " ms", o.succeeded() ? "ok" : "FAILED"});
        }
        root.out.print(Table.render(new String[] {"PROVIDER", "TICKET", "NEUTRAL STATUSES", "FINAL (PROVIDER)", "EVENTS",
                "REQUESTS", "CREATED", "TIME", "RESULT"}, rows));
        root.out.flush();
        boolean allOk = outcomes.stream().allMatch(LifecycleDemo.Outcome::succeeded);
        if (!allOk) {
            root.err.println("ticketctl: the demo failed for " + outcomes.stream().filter(o -> !o.succeeded())
                    .map(o -> o.provider() + " (" + o.failure() + ")").toList());
        }
        return allOk ? ExitCodes.OK : ExitCodes.OTHER;
    }
}
