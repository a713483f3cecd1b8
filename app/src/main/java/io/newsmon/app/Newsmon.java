package io.newsmon.app;

import io.newsmon.app.bench.BenchCommand;
import io.newsmon.app.broker.BrokerCommand;
import io.newsmon.app.config.CommandLineSettings;
import io.newsmon.app.config.ConfigCommand;
import io.newsmon.app.dlq.DlqCommand;
import io.newsmon.app.export.ExportCommand;
import io.newsmon.app.extract.ExtractCommand;
import io.newsmon.app.feeds.FeedsCommand;
import io.newsmon.app.pipeline.EnrichCommand;
import io.newsmon.app.pipeline.IngestCommand;
import io.newsmon.app.pipeline.RunCommand;
import io.newsmon.app.pipeline.StoreCommand;
import io.newsmon.enrich.tag.TopicsFileException;
import io.newsmon.ingest.config.FeedsFileException;
import io.newsmon.kafka.InstanceConflictException;
import io.newsmon.kafka.KafkaUnavailableException;
import io.newsmon.model.text.Printable;
import io.newsmon.model.text.Secrets;
import io.newsmon.store.jdbc.StoreException;
import java.io.PrintWriter;
import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code newsmon} command: a news monitor built on Apache Kafka. */
@Command(name = "newsmon", mixinStandardHelpOptions = true, version = "newsmon 0.1.0",
        description = {
            "Watches the news: polls RSS/Atom feeds and HTML listing pages, extracts each article's text and",
            "metadata, tags topics and stores the articles, through Apache Kafka.",
            "",
            "Start with: newsmon run --once   (embedded broker, SQLite file under ./newsmon-data)",
            "",
            "Every option of run, ingest, enrich and store but --once is also a setting, given in the environment"
                    + " (NEWSMON_PER_HOST_DELAY=PT2S) or in a YAML file named by --config or NEWSMON_CONFIG"
                    + " (per-host-delay: PT2S); `newsmon config docs` lists them, `newsmon config check` checks them."},
        subcommands = {RunCommand.class, IngestCommand.class, EnrichCommand.class, StoreCommand.class,
            ExportCommand.class, ExtractCommand.class, FeedsCommand.class, DlqCommand.class, BrokerCommand.class, BenchCommand.class,
            ConfigCommand.class, CommandLine.HelpCommand.class})
public final class Newsmon {
    /** Exit code for a configuration or environment problem reported in one line. */
    static final int CONFIG_ERROR = 2;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, reading settings from this process's environment, for {@link #main}. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * The configured command line, reading the {@code NEWSMON_*} settings and {@code NEWSMON_CONFIG} from
     * {@code env} instead of the process's environment (a test seam).
     */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new Newsmon());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (isExpected(e)) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + shown(e.getMessage()));
                return CONFIG_ERROR;
            }
            throw e;
        });
        cli.setParameterExceptionHandler(Newsmon::badArguments);
        CommandLineSettings.install(cli, env, CONFIG_ERROR);
        return cli;
    }

    /**
     * As picocli's own handler (the message, then the suggestions or else the usage), but the message, which
     * quotes the arguments, is shown with its secrets masked and control characters escaped:
     * {@code Unknown option: '--stor=jdbc:postgresql://db/news?password=***'}.
     */
    private static int badArguments(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText(shown(e.getMessage())));
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            commandLine.usage(err, commandLine.getColorScheme());
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A message that may quote arguments or outside text: secrets masked, control characters but line breaks escaped. */
    private static String shown(String message) {
        return Printable.escapeKeepingLines(Secrets.mask(message));
    }

    private static boolean isExpected(Exception e) {
        return e instanceof FeedsFileException || e instanceof TopicsFileException
                || e instanceof KafkaUnavailableException || e instanceof InstanceConflictException
                || e instanceof StoreException
                || e instanceof IllegalArgumentException;
    }
}
