package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.config.FeedsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsmon feeds import} and {@code newsmon feeds status}, with the embedded broker of {@code run}. */
class FeedsCommandIT {
    @TempDir
    Path dir;
    private FixtureSite site;

    @BeforeEach
    void start() {
        site = new FixtureSite();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void importAddsTheOpmlFeedsNotAlreadyListedAndKeepsTheFile() throws Exception {
        Path feeds = site.writeResource("/feeds.yml", dir);
        Path opml = site.writeResource("/subscriptions.opml", dir);

        Cli.Result first = Cli.execute("feeds", "import", opml.toString(), "--feeds", feeds.toString());
        Cli.Result again = Cli.execute("feeds", "import", opml.toString(), "--feeds", feeds.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 feeds in " + opml + ": 2 added to " + feeds + ", 1 already there")
                .contains("+ https://www.commerce.example/rss.xml (Commerce press)");
        assertThat(again.out()).contains("0 added");
        assertThat(Files.readString(feeds)).startsWith("# The local fixture site");
        assertThat(FeedsFile.load(feeds)).hasSize(5);
    }

    @Test
    void importOfAFileThatIsNotOpmlSaysSoAndChangesNothing() throws Exception {
        Path feeds = site.writeResource("/feeds.yml", dir);
        String before = Files.readString(feeds);
        Path notOpml = Files.writeString(dir.resolve("list.opml"), "<html><body>not a list</body></html>");

        Cli.Result result = Cli.execute("feeds", "import", notOpml.toString(), "--feeds", feeds.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(notOpml.toString());
        assertThat(Files.readString(feeds)).isEqualTo(before);
    }

    @Test
    void statusShowsEachFeedsHealthAfterARunAndARestartPublishesNothing() throws Exception {
        site.add("/feeds/broken.xml", "<rss><channel><item><title>cut off");
        Path feeds = site.writeResource("/feeds.yml", dir);
        Files.writeString(feeds, Files.readString(feeds) + "  - url: \"" + site.base() + "/feeds/broken.xml\"\n"
                + "    name: Broken\n");
        Path data = dir.resolve("data");
        String[] run = {"run", "--once", "--feeds", feeds.toString(), "--data-dir", data.toString(),
                "--allow-private-addresses", "--per-host-delay", "PT0S"};

        Cli.Result first = Cli.execute(run);
        Cli.Result second = Cli.execute(run);
        Cli.Result status = Cli.execute("feeds", "status", "--feeds", feeds.toString(), "--data-dir", data.toString());

        assertThat(first.out()).contains("feeds      4 (1 failed, 0 not modified)").contains("stored     6 new");
        assertThat(second.out()).contains("feeds      4 (1 failed, 3 not modified)").contains("fetched    0 articles")
                .contains("stored     0 new");
        assertThat(status.exitCode()).as(status.err()).isEqualTo(1);
        assertThat(status.out()).contains("4 feeds: 3 ok, 1 failing, 0 never polled")
                .contains(site.base() + "/feeds/rss.xml (Wire Desk RSS)\n  status        ok")
                .contains(site.base() + "/feeds/broken.xml (Broken)\n  status        failing, 2 poll(s) in a row")
                .contains("is not a valid RSS or Atom feed")
                .contains("validators    ETag \"");
    }

    @Test
    void statusWithoutAnyRunSaysWhatToDo() {
        Cli.Result status = Cli.execute("feeds", "status", "--data-dir", dir.resolve("nothing").toString());

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("does not exist").contains("newsmon run");
    }
}
