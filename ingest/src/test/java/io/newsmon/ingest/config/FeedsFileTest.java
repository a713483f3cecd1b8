package io.newsmon.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsFileTest {
    /** A hang guard, not a speed test: before the limits a single-line file of 8 MiB took 40 s and a named pipe forever. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void loadsFeedsWithDefaultsForNameAndType() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("feeds.yml").toURI());

        assertThat(FeedsFile.load(file)).containsExactly(
                new FeedSource("https://trade-desk.example.org/rss.xml", "Trade Desk", FeedType.AUTO, null),
                new FeedSource("https://chips.example.net/atom.xml", "chips.example.net", FeedType.AUTO, null),
                new FeedSource("https://commerce.example.gov/press/", "Commerce press releases", FeedType.HTML, "ul.releases li"));
    }

    @Test
    void bundledDefaultListsPublicFeedsAboutHuaweiAndTradePolicy() {
        List<FeedSource> feeds = FeedsFile.bundled();

        assertThat(feeds).extracting(FeedSource::url).containsExactly(
                "https://news.google.com/rss/search?q=Huawei&hl=en-US&gl=US&ceid=US:en",
                "https://www.federalregister.gov/documents/search.rss?conditions%5Bterm%5D=Huawei",
                "https://www.theregister.com/headlines.atom",
                "https://feeds.arstechnica.com/arstechnica/index",
                "https://techcrunch.com/feed/",
                "https://www.theverge.com/rss/index.xml");
        assertThat(feeds).allSatisfy(feed -> assertThat(feed.type()).isEqualTo(FeedType.AUTO));
        assertThat(feeds).extracting(FeedSource::name).contains("Google News: Huawei", "The Register");
    }

    @Test
    void namesTheFileEntryValueAndRuleForABadUrl() throws IOException {
        Path file = write("""
                feeds:
                  - url: https://a.example/rss
                  - url: https://b.example/rss
                  - url: ftp://files.example/feed.xml
                """);

        assertThatThrownBy(() -> FeedsFile.load(file))
                .isInstanceOf(FeedsFileException.class)
                .hasMessage(file + ": feeds[2].url \"ftp://files.example/feed.xml\" is not an http(s) URL");
    }

    @Test
    void refusesAKeySetTwiceInOneEntry() throws IOException {
        Path file = write("""
                feeds:
                  - url: https://a.example/rss
                    url: https://b.example/rss
                """);

        assertThatThrownBy(() -> FeedsFile.load(file))
                .isInstanceOf(FeedsFileException.class)
                .hasMessage(file + ": not valid YAML at line 3, column 8: Duplicate field 'url'");
    }

    @Test
    void refusesUnknownKeysSoThatATypoFailsAtStartUp() throws IOException {
        Path file = write("""
                feeds:
                  - url: https://a.example/news/
                    type: html
                    linkSelecter: "ul a"
                """);

        assertThatThrownBy(() -> FeedsFile.load(file))
                .isInstanceOf(FeedsFileException.class)
                .hasMessageStartingWith(file + ": feeds[0].linkSelecter is not a known key")
                .hasMessageContaining("linkSelector");
    }

    @Test
    void refusesUnknownTopLevelKeys() throws IOException {
        Path file = write("""
                feed:
                  - url: https://a.example/rss
                """);

        assertThatThrownBy(() -> FeedsFile.load(file)).hasMessageContaining(file + ": feed is not a known key");
    }

    @Test
    void requiresALinkSelectorForHtmlListings() throws IOException {
        Path file = write("""
                feeds:
                  - url: https://a.example/news/
                    type: html
                """);

        assertThatThrownBy(() -> FeedsFile.load(file)).hasMessageStartingWith(file + ": feeds[0].linkSelector is missing");
    }

    @Test
    void refusesAnInvalidCssSelectorAtLoad() throws IOException {
        Path file = write("""
                feeds:
                  - url: https://a.example/news/
                    type: html
                    linkSelector: "ul.stories >> a["
                """);

        assertThatThrownBy(() -> FeedsFile.load(file))
                .hasMessageStartingWith(file + ": feeds[0].linkSelector \"ul.stories >> a[\" is not a valid CSS selector");
    }

    @Test
    void refusesAnUnknownType() throws IOException {
        Path file = write("""
                feeds:
                  - url: https://a.example/rss
                    type: rss
                """);

        assertThatThrownBy(() -> FeedsFile.load(file))
                .hasMessage(file + ": feeds[0].type \"rss\" is not one of: auto, html");
    }

    @Test
    void refusesTheSameFeedListedTwice() throws IOException {
        Path file = write("""
                feeds:
                  - url: https://a.example/rss
                  - url: https://a.example/rss
                """);

        assertThatThrownBy(() -> FeedsFile.load(file)).hasMessageContaining("feeds[1].url \"https://a.example/rss\" is already listed as feeds[0]");
    }

    @Test
    void refusesAFileWithoutFeeds() throws IOException {
        Path file = write("feeds: []\n");

        assertThatThrownBy(() -> FeedsFile.load(file)).hasMessageContaining(file + ": feeds is missing or empty");
    }

    @Test
    void reportsWhereTheYamlIsBroken() throws IOException {
        Path file = write("""
                feeds:
                  - url: "https://a.example/rss
                """);

        assertThatThrownBy(() -> FeedsFile.load(file)).hasMessageStartingWith(file + ": not valid YAML at line");
    }

    @Test
    void reportsAValueOfTheWrongShape() throws IOException {
        Path file = write("""
                feeds:
                  - url: [https://a.example/rss]
                """);

        assertThatThrownBy(() -> FeedsFile.load(file))
                .hasMessage(file + ": feeds[0].url must be a single value, not a list or a mapping");
    }

    @Test
    void reportsAFileOfTheWrongShape() throws IOException {
        assertThatThrownBy(() -> FeedsFile.load(write("")))
                .hasMessage(dir.resolve("feeds.yml") + ": the file is empty: list at least one feed under \"feeds:\"");
        assertThatThrownBy(() -> FeedsFile.load(write("- url: https://a.example/rss\n")))
                .hasMessage(dir.resolve("feeds.yml") + ": the file must be a mapping with a \"feeds:\" list");
        assertThatThrownBy(() -> FeedsFile.load(write("feeds: https://a.example/rss\n")))
                .hasMessageContaining(": feeds must be a list of entries");
    }

    @Test
    void reportsAMissingFile() {
        Path missing = dir.resolve("nowhere.yml");

        assertThatThrownBy(() -> FeedsFile.load(missing))
                .isInstanceOf(FeedsFileException.class)
                .hasMessageStartingWith(missing + ": cannot read the feeds file");
    }

    @Test
    void refusesAFileLargerThanTheLimitBeforeParsingIt() throws IOException {
        Path file = write("feeds:\n" + "  - url: https://a.example/rss\n".repeat(150_000));

        refused(file).hasMessage(file + ": is 4,650,007 bytes, more than the 4 MiB (4,194,304 bytes) a feeds file may"
                + " have: check that it is the right file");
    }

    @Test
    void refusesALineLongerThanTheLimitBeforeParsingIt() throws IOException {
        Path file = write("feeds: " + "x".repeat(3_000_000) + "\n");

        refused(file).hasMessage(file + ": line 1 is 3,000,007 bytes long, more than the 32,768 a line of a feeds file"
                + " may have: break it into shorter lines");
    }

    @Test
    void refusesMoreTokensThanTheLimit() throws IOException {
        StringBuilder yaml = new StringBuilder("feeds:\n");
        for (int i = 0; i <= 25_000; i++) {
            yaml.append("  - url: https://a.example/").append(i).append('\n');
        }
        Path file = write(yaml.toString());

        refused(file).hasMessageStartingWith(file + ": line 2500")
                .hasMessageEndingWith(": more than 100,000 YAML tokens (keys, values, starts and ends of lists and maps),"
                        + " the most a feeds file may have");
    }

    @Test
    void refusesAliasesSoThatNothingExpands() throws IOException {
        Path file = write("""
                feeds:
                  - &f {url: "https://a.example/rss", name: A}
                  - *f
                """);

        refused(file).hasMessage(file + ": line 3: the alias *f is not supported: write the value out where it is used");
    }

    @Test
    void refusesANamedPipeWithoutOpeningItAndADirectory() throws IOException, InterruptedException {
        Path fifo = dir.resolve("feeds.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        refused(fifo).hasMessage(fifo + ": is not a regular file (it is a named pipe, a device or a socket): give the"
                + " path of a feeds file");
        refused(dir).hasMessage(dir + ": is a directory: give the path of a feeds file");
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(
                () -> FeedsFile.append(fifo, List.of(FeedSource.feed("https://b.example/rss"))))
                .hasMessageStartingWith(fifo + ": is not a regular file"));
    }

    @Test
    void appendsNewFeedsAtTheEndKeepingCommentsAndLayout() throws IOException {
        String original = """
                # Feeds about Huawei and export controls.
                feeds:
                  - url: https://trade-desk.example.org/rss.xml   # the daily
                    name: Trade Desk

                # Added by hand, keep last.
                """;
        Path file = write(original);

        List<FeedSource> added = FeedsFile.append(file, List.of(
                FeedSource.feed("HTTPS://Trade-Desk.example.org/rss.xml?utm_source=opml"),
                new FeedSource("https://chips.example.net/atom.xml", "Chip Policy Watch", FeedType.AUTO, null),
                new FeedSource("https://commerce.example.gov/press/", "Press releases", FeedType.HTML, "ul.releases a[href*='huawei']")));

        assertThat(added).extracting(FeedSource::url).containsExactly("https://chips.example.net/atom.xml", "https://commerce.example.gov/press/");
        assertThat(Files.readString(file)).isEqualTo(original + """
                  - url: "https://chips.example.net/atom.xml"
                    name: "Chip Policy Watch"
                  - url: "https://commerce.example.gov/press/"
                    name: "Press releases"
                    type: html
                    linkSelector: "ul.releases a[href*='huawei']"
                """);
        assertThat(FeedsFile.load(file)).hasSize(3).last()
                .isEqualTo(new FeedSource("https://commerce.example.gov/press/", "Press releases", FeedType.HTML, "ul.releases a[href*='huawei']"));
    }

    @Test
    void appendingTheSameFeedsTwiceAddsNothingTheSecondTime() throws IOException {
        Path file = write("feeds:\n  - url: https://a.example/rss");
        List<FeedSource> feeds = List.of(FeedSource.feed("https://b.example/rss"), FeedSource.feed("https://b.example/rss#top"));

        assertThat(FeedsFile.append(file, feeds)).containsExactly(FeedSource.feed("https://b.example/rss"));
        String afterFirst = Files.readString(file);

        assertThat(FeedsFile.append(file, feeds)).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(afterFirst)
                .isEqualTo("feeds:\n  - url: https://a.example/rss\n  - url: \"https://b.example/rss\"\n    name: \"b.example\"\n");
    }

    @Test
    void aNameWithYamlSyntaxInItSurvivesTheRoundTrip() throws IOException {
        String name = "Trade: \"Desk\" #1 \\ news\tdaily\u2028- url: x \u00e9 \uD83D\uDCF0";
        Path file = write("feeds:\n  - url: https://a.example/rss\n");

        FeedsFile.append(file, List.of(new FeedSource("https://b.example/rss?q=a#b", name, FeedType.AUTO, null)));

        assertThat(FeedsFile.load(file)).last().isEqualTo(new FeedSource("https://b.example/rss?q=a#b", name, FeedType.AUTO, null));
    }

    @Test
    void indentsAppendedEntriesLikeThoseThere() throws IOException {
        Path file = write("feeds:\n-   url: https://a.example/rss\n    name: A\n");

        FeedsFile.append(file, List.of(FeedSource.feed("https://b.example/rss")));

        assertThat(Files.readString(file)).endsWith("\n-   url: \"https://b.example/rss\"\n    name: \"b.example\"\n");
        assertThat(FeedsFile.load(file)).extracting(FeedSource::url).containsExactly("https://a.example/rss", "https://b.example/rss");
    }

    @Test
    void createsAMissingFileWithAFeedsHeader() throws IOException {
        Path file = dir.resolve("new-feeds.yml");

        FeedsFile.append(file, List.of(FeedSource.feed("https://a.example/rss"), FeedSource.feed("https://b.example/rss")));

        assertThat(Files.readString(file)).startsWith("feeds:\n  - url: \"https://a.example/rss\"\n");
        assertThat(FeedsFile.load(file)).extracting(FeedSource::url).containsExactly("https://a.example/rss", "https://b.example/rss");
    }

    @Test
    void leavesAFileItCannotExtendAsItWas() throws IOException {
        String flow = "feeds: [ {url: \"https://a.example/rss\"} ]\n";
        Path file = write(flow);

        assertThatThrownBy(() -> FeedsFile.append(file, List.of(FeedSource.feed("https://b.example/rss"))))
                .isInstanceOf(FeedsFileException.class)
                .hasMessageStartingWith(file + ": entries cannot be appended at the end of this file as it is laid out")
                .hasMessageEndingWith("the file was left as it was");
        assertThat(Files.readString(file)).isEqualTo(flow);
    }

    @Test
    void refusesToAppendToAnInvalidFile() throws IOException {
        Path file = write("feeds:\n  - url: ftp://a.example/rss\n");

        assertThatThrownBy(() -> FeedsFile.append(file, List.of(FeedSource.feed("https://b.example/rss"))))
                .hasMessage(file + ": feeds[0].url \"ftp://a.example/rss\" is not an http(s) URL");
    }

    @Test
    void importsAnOpmlExportIntoTheFeedsFile() throws IOException, URISyntaxException {
        Path file = write("feeds:\n  - url: https://trade-desk.example.org/rss.xml\n    name: Trade Desk\n");
        Path opml = Path.of(getClass().getResource("/feeds/subscriptions.opml").toURI());

        List<FeedSource> added = FeedsFile.append(file, OpmlFile.read(opml));

        assertThat(added).extracting(FeedSource::name)
                .containsExactly("Federal Register: documents on Huawei", "The Register", "Chip Policy Watch");
        assertThat(FeedsFile.load(file)).hasSize(4);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("feeds.yml"), yaml);
    }

    /** Asserts that loading {@code file} fails within the hang guard. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Path file) {
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThatThrownBy(() -> FeedsFile.load(file)).isInstanceOf(FeedsFileException.class));
    }
}
