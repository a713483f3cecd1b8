package io.newsmon.app.dlq;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsmon dlq}: see and replay the records the stages could not process. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = {"Shows the dead letters in news.dlq and sends chosen ones back to their topic.",
            "A stage dead-letters a record it cannot process (not JSON, rejected by the database, a page it cannot"
                    + " read) with its origin and the error, and goes on; after a fix, replay sends it again."},
        subcommands = {DlqListCommand.class, DlqReplayCommand.class, CommandLine.HelpCommand.class})
public final class DlqCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
