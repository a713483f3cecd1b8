package io.newsmon.app.feeds;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsmon feeds}: manage the feed list and see each feed's health. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Manages the feeds file and shows each feed's health.",
        subcommands = {FeedsImportCommand.class, FeedsStatusCommand.class, CommandLine.HelpCommand.class})
public final class FeedsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
