package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.app.config.Setting;
import io.newsmon.app.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsmon config check|docs}, and the check of every command's settings before it starts. */
class ConfigCommandTest {
    @TempDir
    Path dir;

    /** Runs newsmon with {@code env} as its environment. */
    static Cli.Result newsmon(Map<String, String> env, String... args) {
        return Cli.execute(env, args);
    }

    @Test
    void checkOfAGoodFileSaysWhichSettingsItSets() throws Exception {
        Path file = Files.writeString(dir.resolve("newsmon.yml"), """
                # the stages of docker-compose
                bootstrap-servers: kafka:9092
                per-host-delay: PT2S
                metrics-port: 9464
                """);
        Cli.Result check = newsmon(Map.of("NEWSMON_LOG_FORMAT", "json"), "config", "check", "--config", file.toString());

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out().strip()).isEqualTo(file + ": ok, 4 settings set (per-host-delay, bootstrap-servers,"
                + " metrics-port, log-format from NEWSMON_LOG_FORMAT)");
    }

    @Test
    void checkOfABadFileNamesEachKeyValueSourceAndRule() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yml"), """
                per-host-dalay: PT2S
                poll-interval: 15 minutes
                metrics-port: 70000
                min-poll-interval: PT10M
                max-poll-interval: PT5M
                """);
        Cli.Result check = newsmon(Map.of(), "config", "check", "--config", file.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out()).isEmpty();
        assertThat(check.err().lines()).containsExactly(
                "newsmon config check: per-host-dalay PT2S (from " + file + " line 1): is not a setting;"
                        + " did you mean per-host-delay? (newsmon config docs lists them)",
                "newsmon config check: poll-interval \"15 minutes\" (from " + file + " line 2): must be an ISO-8601"
                        + " duration, for example PT1S, PT15M, PT2H or P30D",
                "newsmon config check: metrics-port 70000 (from " + file + " line 3): must be 1 to 65535, or 0 for a"
                        + " free one",
                "newsmon config check: max-poll-interval PT5M (from " + file + " line 5): must be at least"
                        + " min-poll-interval, PT10M (from " + file + " line 4)");
    }

    @Test
    void checkReadsNewsmonConfigAndTheEnvironmentAndWarnsOfUnknownVariables() throws Exception {
        Path file = Files.writeString(dir.resolve("newsmon.yml"), "per-host-delay: PT2S\n");
        Cli.Result check = newsmon(Map.of("NEWSMON_CONFIG", file.toString(), "NEWSMON_PER_HOST_DELAY", "PT-1S",
                "NEWSMON_METRICS_PROT", "9464", "NEWSMON_TEST_PG_HOST", "localhost"),
                "config", "check");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().lines()).containsExactly(
                "newsmon config check: warning: NEWSMON_METRICS_PROT is not a setting, so it is ignored; did you mean"
                        + " NEWSMON_METRICS_PORT?",
                "newsmon config check: per-host-delay PT-1S (from NEWSMON_PER_HOST_DELAY): must be at least PT0S");
    }

    @Test
    void checkOfMalformedYamlNamesTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yml"), "per-host-delay: PT2S\nstore: [jdbc:sqlite:a.db\n");
        Cli.Result check = newsmon(Map.of(), "config", "check", "--config", file.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).startsWith("newsmon config check: " + file + " line 2: is not valid YAML (");
    }

    @Test
    void checkForACommandSaysWhatItStillNeeds() {
        Cli.Result check = newsmon(Map.of("NEWSMON_BOOTSTRAP_SERVERS", "kafka:9092"), "config", "check", "--for", "store");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().lines()).containsExactly("newsmon config check: store is not set, and store needs it:"
                + " give --store, set NEWSMON_STORE or put store: in the config file (--config FILE or NEWSMON_CONFIG)");
    }

    @Test
    void docsListEveryKeyWithItsEnvironmentVariableDefaultAndRule() {
        Cli.Result text = newsmon(Map.of(), "config", "docs");
        Cli.Result markdown = newsmon(Map.of(), "config", "docs", "--format", "markdown");

        assertThat(text.exitCode()).isZero();
        assertThat(markdown.exitCode()).isZero();
        for (Setting<?> setting : Settings.ALL) {
            assertThat(text.out()).contains("\n" + setting.key() + "\n  " + setting.doc() + "\n  env       "
                    + setting.env() + "\n");
            assertThat(markdown.out()).contains("| `" + setting.key() + "` | `" + setting.env() + "` | ");
        }
        assertThat(text.out()).contains("  default   PT1S\n  rule      must be at least PT0S\n  commands  run, ingest\n")
                .contains("max-poll-interval must be at least min-poll-interval");
        assertThat(markdown.out().lines().filter(line -> line.startsWith("| `"))).hasSize(Settings.ALL.size());
    }

    @Test
    void docsAsYamlIsAConfigFileThatPassesTheCheckOnceUncommented() throws Exception {
        Cli.Result yaml = newsmon(Map.of(), "config", "docs", "--format", "yaml");
        assertThat(yaml.exitCode()).isZero();
        String uncommented = String.join("\n", yaml.out().lines()
                .map(line -> line.startsWith("#") && !line.startsWith("# ") && !line.startsWith("#feeds")
                        && !line.startsWith("#topics") ? line.substring(1) : line)
                .toList());
        Path file = Files.writeString(dir.resolve("example.yml"), uncommented);
        Map<?, ?> map = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
        assertThat(map.keySet()).hasSize(Settings.ALL.size() - 2);

        Cli.Result check = newsmon(Map.of(), "config", "check", "--config", file.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("ok, ");
    }

    @Test
    void aStageWithABadValueFromTheEnvironmentStopsBeforeItStarts() {
        Cli.Result ingest = newsmon(Map.of("NEWSMON_PER_HOST_DELAY", "-PT1S", "NEWSMON_BOOTSTRAP_SERVERS",
                "127.0.0.1:1"), "ingest", "--once");

        assertThat(ingest.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(ingest.err().lines()).containsExactly(
                "newsmon ingest: per-host-delay -PT1S (from NEWSMON_PER_HOST_DELAY): must be at least PT0S");
    }

    @Test
    void aStageWithABadValueFromTheConfigFileStopsBeforeItStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("newsmon.yml"), "duplicate-window: P120D\nmetrics-port: -1\n");
        Path data = dir.resolve("data");
        Cli.Result run = newsmon(Map.of(), "run", "--once", "--config", file.toString(), "--data-dir", data.toString());

        assertThat(run.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(run.err().lines()).containsExactly(
                "newsmon run: duplicate-window P120D (from " + file + " line 1): must be positive and at most P90D,"
                        + " how long the broker keeps fingerprints",
                "newsmon run: metrics-port -1 (from " + file + " line 2): must be 1 to 65535, or 0 for a free one");
        assertThat(data).doesNotExist();
    }

    @Test
    void aStageWithAnUnknownKeyInItsConfigFileStopsBeforeItStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("newsmon.yml"), "bootstrap_servers: kafka:9092\n");
        Cli.Result enrich = newsmon(Map.of("NEWSMON_BOOTSTRAP_SERVERS", "127.0.0.1:1"), "enrich", "--config",
                file.toString());

        assertThat(enrich.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(enrich.err()).contains("bootstrap_servers kafka:9092 (from " + file + " line 1): is not a setting;"
                + " did you mean bootstrap-servers?");
    }

    @Test
    void ingestWithoutBootstrapServersSaysTheThreeWaysToGiveThem() {
        Cli.Result ingest = newsmon(Map.of(), "ingest", "--once");

        assertThat(ingest.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(ingest.err().lines()).containsExactly("newsmon ingest: bootstrap-servers is not set, and ingest"
                + " needs it: give --bootstrap-servers, set NEWSMON_BOOTSTRAP_SERVERS or put bootstrap-servers: in the"
                + " config file (--config FILE or NEWSMON_CONFIG)");
    }

    @Test
    void aBadCommandLineValueNamesTheOptionAsItsSource() {
        Cli.Result store = newsmon(Map.of("NEWSMON_STORE", "jdbc:sqlite:ok.db"), "store", "--bootstrap-servers",
                "kafka", "--store", "jdbc:mysql://db/news");

        assertThat(store.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(store.err().lines()).containsExactly(
                "newsmon store: bootstrap-servers kafka (from --bootstrap-servers): must be host:port[,host:port...],"
                        + " for example 127.0.0.1:9092",
                "newsmon store: store jdbc:mysql://db/news (from --store): must start with jdbc:sqlite: or jdbc:postgresql:,"
                        + " and a SQLite URL must name a file (not :resource:, which the driver would fetch itself)");
    }

    @Test
    void passwordsInTheStoreUrlAreMaskedInMessages() {
        Cli.Result export = newsmon(Map.of("NEWSMON_STORE", "jdbc:mysql://db/news?user=a&password=s3cret"), "export");

        assertThat(export.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(export.err()).contains("store jdbc:mysql://db/news?user=a&password=*** (from NEWSMON_STORE)")
                .doesNotContain("s3cret");
    }

    @Test
    void anyBadValueIsShownWithItsSecretsMaskedAndItsControlCharactersEscaped() {
        Cli.Result run = newsmon(Map.of("NEWSMON_CONTACT", "ftp://ann:hunter2@example.org/\u001b[2J"), "run", "--once");

        assertThat(run.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(run.err()).contains("contact ftp://ann:***@example.org/\\u001b[2J (from NEWSMON_CONTACT)")
                .doesNotContain("hunter2", "\u001b");
    }

    @Test
    void aMetricsAddressThatIsNotOneOfThisMachineIsRefused() {
        Cli.Result check = newsmon(Map.of("NEWSMON_METRICS_BIND", "192.0.2.1"), "config", "check", "--for", "run");

        assertThat(check.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(check.err()).contains("metrics-bind 192.0.2.1 (from NEWSMON_METRICS_BIND): must be an IP address"
                + " of this machine");
    }

    @Test
    void passwordsInAMisspeltOrRepeatedStoreKeyOfTheFileAreMaskedToo() throws Exception {
        Path file = Files.writeString(dir.resolve("newsmon.yml"), """
                stroe: jdbc:postgresql://db/news?user=a&password=hunter2
                store: jdbc:postgresql://db/news?user=a&password=hunter3
                store: jdbc:postgresql://db/news?user=a&password=hunter4
                """);

        Cli.Result check = newsmon(Map.of(), "config", "check", "--config", file.toString());

        assertThat(check.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(check.err()).contains("stroe jdbc:postgresql://db/news?user=a&password=***")
                .contains("is set twice").doesNotContain("hunter");
    }

    @Test
    void commandsWithoutSettingsIgnoreTheConfigFile() throws Exception {
        Path file = Files.writeString(dir.resolve("newsmon.yml"), "no-such-key: 1\n");
        Cli.Result docs = newsmon(Map.of("NEWSMON_CONFIG", file.toString()), "config", "docs", "--format", "markdown");
        assertThat(docs.exitCode()).as(docs.err()).isZero();
        assertThat(List.of(docs.err())).containsExactly("");
    }
}
