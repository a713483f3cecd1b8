package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.store.jdbc.ArticleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void runHelpExplainsTheDefaultsAndTheSwitches() {
        Cli.Result help = Cli.execute("run", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--feeds", "--topics", "--store", "--bootstrap-servers", "--once",
                "--allow-private-addresses", "embedded Kafka broker", "SQLite");
    }

    @Test
    void badFeedsFileFailsBeforeAnythingStartsAndNamesTheEntry() throws Exception {
        Path feeds = Files.writeString(dir.resolve("feeds.yml"), "feeds:\n  - url: ftp://example.org/feed\n    name: X\n");
        Cli.Result run = Cli.execute("run", "--once", "--feeds", feeds.toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(run.err()).contains("feeds.yml").contains("ftp://example.org/feed");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void badTopicQueryFailsWithItsIdAndQuery() throws Exception {
        Path topics = Files.writeString(dir.resolve("topics.yml"),
                "topics:\n  - id: broken\n    name: Broken\n    query: '\"unclosed phrase'\n");
        Cli.Result run = Cli.execute("run", "--once", "--topics", topics.toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(run.err()).contains("broken").contains("\"unclosed phrase");
    }

    @Test
    void exportOfAnUnsupportedStoreUrlSaysWhichAreSupported() {
        Cli.Result export = Cli.execute("export", "--store", "jdbc:mysql://localhost/news");
        assertThat(export.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(export.err()).contains("jdbc:mysql://localhost/news").contains("jdbc:postgresql:").contains("jdbc:sqlite:");
    }

    @Test
    void exportOfAnEmptyStoreSinceATimePrintsNothing() {
        ArticleStore.open("jdbc:sqlite:" + dir.resolve("empty.db")).close();
        Cli.Result export = Cli.execute("export", "--store", "jdbc:sqlite:" + dir.resolve("empty.db"),
                "--since", "2026-01-01T00:00:00Z");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).isEmpty();
    }

    @Test
    void exportOfAFileThatIsNotADatabaseSaysSoInOneLine() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.db"), "these are notes, not a database\n".repeat(200));

        Cli.Result export = Cli.execute("export", "--store", "jdbc:sqlite:" + notes);

        assertThat(export.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(export.err().strip()).startsWith("newsmon export: ").contains(notes.toString())
                .contains("not a database").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void dlqReplayOfAStageThatDoesNotExistIsRefusedWithTheStagesThatDo() {
        Cli.Result replay = Cli.execute("dlq", "replay", "--all", "--stage", "garbage", "--data-dir",
                dir.resolve("data").toString());

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).contains("--stage").contains("garbage").contains("enrich, store");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void exportOfASqliteUrlThatNamesNoFileSaysSo() {
        Cli.Result export = Cli.execute("export", "--store", "jdbc:sqlite::memory:");

        assertThat(export.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(export.err()).contains("jdbc:sqlite::memory: names no database file");
    }

    @Test
    void anErrorOfASubcommandNamesItWhole() {
        Cli.Result replay = Cli.execute("dlq", "replay", "--all", "--data-dir", dir.resolve("data").toString());

        assertThat(replay.err()).startsWith("newsmon dlq replay: ");
    }

    @Test
    void dlqReplayOfANegativeOffsetIsRefused() {
        Cli.Result replay = Cli.execute("dlq", "replay", "--offset", "-5", "--data-dir", dir.resolve("data").toString());

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).contains("--offset").contains("-5").contains("0 or more");
    }

    @Test
    void exportWithAMalformedSinceNamesTheValue() {
        Cli.Result export = Cli.execute("export", "--store", "jdbc:sqlite:" + dir.resolve("empty.db"), "--since", "yesterday");
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err()).contains("--since").contains("yesterday");
    }

    @Test
    void pollIntervalOfZeroIsRefusedBeforeAnythingStarts() {
        Cli.Result run = Cli.execute("run", "--poll-interval", "PT0S", "--data-dir", dir.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(run.err()).contains("PT0S").contains("--poll-interval").contains("at least PT1S");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
