package io.newsmon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.Cli;
import io.newsmon.app.Newsmon;
import io.newsmon.app.config.ConfigFile;
import io.newsmon.app.config.SettingSources;
import io.newsmon.app.config.SettingValue;
import io.newsmon.app.config.Settings;
import io.newsmon.ingest.config.FeedsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A setting's value comes from the command line, else the environment, else the config file, else its default. */
class ConfigPrecedenceTest {
    @TempDir
    Path dir;

    @Test
    void commandLineWinsOverEnvironmentWhichWinsOverFileWhichWinsOverDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("newsmon.yml"), "per-host-delay: PT2S\npoll-interval: PT20M\n"
                + "max-backoff: PT30M\n");
        Map<String, String> env = Map.of("NEWSMON_PER_HOST_DELAY", "PT3S", "NEWSMON_POLL_INTERVAL", "PT30M");

        SourceOptions options = ingest(env, "--config", file.toString(), "--per-host-delay", "PT4S");

        assertThat(options.perHostDelay).as("command line over env and file").isEqualTo(Duration.ofSeconds(4));
        assertThat(options.pollInterval).as("env over file").isEqualTo(Duration.ofMinutes(30));
        assertThat(options.maxBackoff).as("file over default").isEqualTo(Duration.ofMinutes(30));
        assertThat(options.minPollInterval).as("default").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withoutEnvironmentOrFileTheDefaultsOfTheCatalogueApply() {
        SourceOptions options = ingest(Map.of());
        assertThat(options.perHostDelay).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.perHostConnections).isEqualTo(1);
        assertThat(options.allowPrivateAddresses).isFalse();
        assertThat(options.contact).isEqualTo("https://github.com/newsmon/newsmon");
        assertThat(options.loadFeeds()).as("the bundled feeds").isEqualTo(FeedsFile.bundled());
    }

    @Test
    void configOptionWinsOverNewsmonConfigAndNewsmonConfigIsReadWithoutIt() throws Exception {
        Path fromEnv = Files.writeString(dir.resolve("env.yml"), "per-host-connections: 2\n");
        Path fromOption = Files.writeString(dir.resolve("option.yml"), "per-host-connections: 3\n");
        Map<String, String> env = Map.of("NEWSMON_CONFIG", fromEnv.toString());

        assertThat(ingest(env).perHostConnections).isEqualTo(2);
        assertThat(ingest(env, "--config", fromOption.toString()).perHostConnections).isEqualTo(3);
    }

    @Test
    void aBooleanSetTrueInTheEnvironmentCanBeTurnedOffOnTheCommandLine() {
        Map<String, String> env = Map.of("NEWSMON_ALLOW_PRIVATE_ADDRESSES", "true");
        assertThat(ingest(env).allowPrivateAddresses).isTrue();
        assertThat(ingest(env, "--allow-private-addresses=false").allowPrivateAddresses).isFalse();
        assertThat(ingest(Map.of(), "--allow-private-addresses").allowPrivateAddresses).isTrue();
    }

    @Test
    void settingSourcesNameWhereEachValueComesFrom() throws Exception {
        Path path = Files.writeString(dir.resolve("newsmon.yml"), "# comment\nstore: jdbc:sqlite:a.db\nmetrics-port: 9464\n");
        SettingSources sources = new SettingSources(Map.of("NEWSMON_METRICS_PORT", "9000", "NEWSMON_STORE", " "),
                ConfigFile.load(path, "--config"));

        assertThat(sources.lookup(Settings.METRICS_PORT)).contains(new SettingValue("9000", "NEWSMON_METRICS_PORT"));
        assertThat(sources.lookup(Settings.STORE)).as("a blank variable is not set")
                .contains(new SettingValue("jdbc:sqlite:a.db", path + " line 2"));
        assertThat(sources.lookup(Settings.DATA_DIR)).contains(new SettingValue("newsmon-data", SettingValue.DEFAULT));
        assertThat(sources.lookup(Settings.BOOTSTRAP_SERVERS)).isEmpty();
    }

    @Test
    void helpShowsTheValueInEffectAndWhereItComesFrom() {
        var help = Cli.execute(Map.of("NEWSMON_PER_HOST_DELAY", "PT7S"), "ingest", "--help");
        String flat = squash(help.out());
        assertThat(flat).contains(squash("Now: PT7S (from NEWSMON_PER_HOST_DELAY; default PT1S). Must be at least PT0S."))
                .contains(squash("Most requests in flight to one host at a time. Default: 1. Must be at least 1."
                        + " Env: NEWSMON_PER_HOST_CONNECTIONS."))
                .contains(squash("Kafka brokers; without them run starts an embedded broker, and feeds status and dlq"
                        + " use the one under data-dir. Required. Must be host:port[,host:port...], for example"
                        + " 127.0.0.1:9092."));
    }

    /** {@code text} without white space, which picocli puts where it wraps lines. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static SourceOptions ingest(Map<String, String> env, String... args) {
        CommandLine cli = Newsmon.commandLine(env);
        String[] all = new String[args.length + 1];
        all[0] = "ingest";
        System.arraycopy(args, 0, all, 1, args.length);
        cli.parseArgs(all);
        IngestCommand ingest = cli.getSubcommands().get("ingest").getCommand();
        return ingest.sources;
    }
}
