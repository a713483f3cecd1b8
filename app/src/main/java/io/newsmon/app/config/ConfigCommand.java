package io.newsmon.app.config;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsmon config}: the reference of the settings, and a check of a config file. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Prints the reference of newsmon's settings and checks a config file.",
            "Each setting is a long option --KEY, an environment variable NEWSMON_KEY or a line KEY: VALUE of the"
                    + " YAML file given with --config (or NEWSMON_CONFIG); the command line wins, then the"
                    + " environment, then the file, then the default."},
        subcommands = {ConfigDocsCommand.class, ConfigCheckCommand.class, CommandLine.HelpCommand.class})
public final class ConfigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
