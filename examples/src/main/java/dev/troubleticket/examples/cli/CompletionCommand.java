package dev.troubleticket.examples.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ticketctl completion}: the bash (and zsh) completion script of every command and option, generated from them. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script for bash and zsh: source <(ticketctl completion)")
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    TicketCtl root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        root.out.print(AutoComplete.bash("ticketctl", spec.root().commandLine()));
        root.out.flush();
        return ExitCodes.OK;
    }
}
