package dev.troubleticket.examples.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ticketctl config}: the config file's profiles, and the settings a command would use once flags, environment
 * variables and the profile are merged, with every secret masked. It only reads: the tool never writes the file.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "List the config file's profiles, or show the settings a command would use (secrets masked).",
        subcommands = {ConfigCommand.Profiles.class, ConfigCommand.Show.class, picocli.CommandLine.HelpCommand.class})
final class ConfigCommand implements Runnable {
    @ParentCommand
    TicketCtl root;

    @Override
    public void run() {
        throw new UsageException("a config command is needed: profiles or show; see ticketctl config --help");
    }

    /** {@code config profiles}: the profiles' names on stdout, one a line; where the file is on stderr. */
    @Command(name = "profiles", mixinStandardHelpOptions = true, description = "List the config file's profiles, one a line.")
    static final class Profiles implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Override
        public Integer call() {
            TicketCtl root = parent.root;
            String option = connection.config != null ? connection.config : root.connection.config;
            ConfigFile file = ConfigFile.locate(option, root.env);
            if (!file.exists()) {
                root.err.println("ticketctl: no config file" + (file.path() == null ? "" : " at " + file.path()));
            } else if (file.names().isEmpty()) {
                root.err.println("ticketctl: " + file.path() + " has no [profile NAME] section");
            } else {
                root.err.println("ticketctl: profiles in " + file.path()
                        + (file.defaultProfile() == null ? "" : " (default-profile: " + file.defaultProfile() + ")"));
            }
            root.err.flush();
            file.names().forEach(root.out::println);
            root.out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code config show}: each setting with where it came from; secrets as {@code ****}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the settings a command would use, each with where it came from (flag, env, profile); secrets masked.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Override
        public Integer call() {
            TicketCtl root = parent.root;
            ConnectionOptions merged = connection.over(root.connection, root.env);
            PrintWriter out = root.out;
            out.println("# config file: " + (merged.configFile.exists() ? merged.configFile.path() : "none"));
            out.println("# profile: " + (merged.chosenProfile == null ? "none" : merged.chosenProfile.name()));
            line(out, merged, "provider", merged.provider);
            line(out, merged, "base-url", merged.baseUrl);
            line(out, merged, "username", merged.username);
            line(out, merged, "password", merged.password);
            line(out, merged, "token", merged.token);
            line(out, merged, "service-account", merged.serviceAccount);
            line(out, merged, "token-url", merged.tokenUrl);
            line(out, merged, "client-id", merged.clientId);
            line(out, merged, "client-secret", merged.clientSecret);
            line(out, merged, "timeout", merged.timeout);
            line(out, merged, "allow-insecure-http", merged.allowInsecureHttp ? "true" : null);
            for (Map.Entry<String, String> setting : merged.extra.entrySet()) {
                line(out, merged, ProfileKeys.SETTING + setting.getKey(), setting.getValue());
            }
            out.flush();
            if (merged.provider != null) {
                UnknownSettings.warn(merged.provider, merged.extra.keySet(), root.err);
            }
            return ExitCodes.OK;
        }

        private static void line(PrintWriter out, ConnectionOptions merged, String key, String value) {
            if (value == null) {
                return;
            }
            out.println(key + " = " + (ProfileKeys.isMasked(key) ? "****" : value) + "  # " + merged.origins.getOrDefault(key, "?"));
        }
    }
}
