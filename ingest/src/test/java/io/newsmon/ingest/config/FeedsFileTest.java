package io.newsmon.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsFileTest {
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

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("feeds.yml"), yaml);
    }
}
