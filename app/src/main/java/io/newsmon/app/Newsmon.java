package io.newsmon.app;

import io.newsmon.app.bench.BenchCommand;
import io.newsmon.enrich.tag.TopicsFileException;
import io.newsmon.ingest.config.FeedsFileException;
import io.newsmon.kafka.KafkaUnavailableException;
import io.newsmon.store.jdbc.StoreUnavailableException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsmon} command: a news monitor built on Apache Kafka. */
@Command(name = "newsmon", mixinStandardHelpOptions = true, version = "newsmon 0.1.0",
        description = {
            "Watches the news: polls RSS/Atom feeds and HTML listing pages, extracts each article's text and",
            "metadata, tags topics and stores the articles, through Apache Kafka.",
            "",
            "Start with: newsmon run --once   (embedded broker, SQLite file under ./newsmon-data)"},
        subcommands = {RunCommand.class, IngestCommand.class, EnrichCommand.class, StoreCommand.class,
            ExportCommand.class, ExtractCommand.class, FeedsCommand.class, DlqCommand.class, BrokerCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Newsmon {
    /** Exit code for a configuration or environment problem reported in one line. */
    static final int CONFIG_ERROR = 2;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and for {@link #main}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Newsmon());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (isExpected(e)) {
                commandLine.getErr().println("newsmon " + commandLine.getCommandName() + ": " + e.getMessage());
                return CONFIG_ERROR;
            }
            throw e;
        });
        return cli;
    }

    private static boolean isExpected(Exception e) {
        return e instanceof FeedsFileException || e instanceof TopicsFileException
                || e instanceof KafkaUnavailableException || e instanceof StoreUnavailableException
                || e instanceof IllegalArgumentException;
    }
}
