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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFeedsOfNestedCategoriesEachOnce() throws URISyntaxException {
        List<FeedSource> feeds = OpmlFile.read(fixture("subscriptions.opml"));

        assertThat(feeds).containsExactly(
                new FeedSource("https://www.federalregister.gov/documents/search.rss?conditions%5Bterm%5D=Huawei",
                        "Federal Register: documents on Huawei", FeedType.AUTO, null),
                new FeedSource("https://trade-desk.example.org/rss.xml", "Trade Desk", FeedType.AUTO, null),
                new FeedSource("https://www.theregister.com/headlines.atom", "The Register", FeedType.AUTO, null),
                new FeedSource("https://chips.example.net/atom.xml", "Chip Policy Watch", FeedType.AUTO, null));
    }

    @Test
    void readsOpml1AndKeepsAFeedSpelledTwoWaysOnce() throws IOException {
        Path file = write("""
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <opml version="1.0">
                  <head><title>Export</title></head>
                  <body>
                    <outline text="Caf\u00e9 policy notes" xmlUrl="https://notes.example.org/rss.xml"/>
                    <outline text="Same, other spelling" xmlUrl="HTTPS://Notes.Example.org/rss.xml?utm_source=reader"/>
                    <outline text="Nameless" xmlUrl="https://nameless.example.com/feed" title=" "/>
                  </body>
                </opml>
                """, "ISO-8859-1");

        assertThat(OpmlFile.read(file)).containsExactly(
                new FeedSource("https://notes.example.org/rss.xml", "Caf\u00e9 policy notes", FeedType.AUTO, null),
                new FeedSource("https://nameless.example.com/feed", "Nameless", FeedType.AUTO, null));
    }

    @Test
    void namesTheOutlineOfAnXmlUrlThatIsNotAnHttpUrl() throws IOException {
        Path file = write("""
                <opml version="2.0"><head/><body>
                  <outline text="Tech"><outline text="Old FTP mirror" type="rss" xmlUrl="ftp://files.example/feed.xml"/></outline>
                </body></opml>
                """, "UTF-8");

        assertThatThrownBy(() -> OpmlFile.read(file))
                .isInstanceOf(FeedsFileException.class)
                .hasMessage(file + ": outline \"Tech / Old FTP mirror\": xmlUrl \"ftp://files.example/feed.xml\" is not an http(s) URL");
    }

    @Test
    void refusesAFeedMalformedXmlAndOtherXml() throws IOException, URISyntaxException {
        Path rss = fixture("trade-wire-ttl.rss");
        assertThatThrownBy(() -> OpmlFile.read(rss))
                .isInstanceOf(FeedsFileException.class)
                .hasMessage(rss + ": not an OPML file but a feed (rss_2.0): add a feed's URL to the feeds file instead");

        Path broken = write("<opml version=\"2.0\"><body><outline text=\"a\"></body></opml>", "UTF-8");
        assertThatThrownBy(() -> OpmlFile.read(broken)).hasMessageStartingWith(broken + ": not a valid OPML file: ");

        Path other = write("<catalog><book/></catalog>", "UTF-8");
        assertThatThrownBy(() -> OpmlFile.read(other)).hasMessageStartingWith(other + ": not an OPML file: the root element must be <opml");

        Path missing = dir.resolve("nowhere.opml");
        assertThatThrownBy(() -> OpmlFile.read(missing)).hasMessageStartingWith(missing + ": cannot read the OPML file");
    }

    @Test
    void refusesADoctypeSoThatNoLocalFileIsRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7731");
        Path file = write("""
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY secret SYSTEM "%s">]>
                <opml version="2.0"><head/><body><outline text="&secret;" xmlUrl="https://a.example/rss"/></body></opml>
                """.formatted(secret.toUri()), "UTF-8");

        assertThatThrownBy(() -> OpmlFile.read(file))
                .isInstanceOf(FeedsFileException.class)
                .hasMessage(file + ": not a valid OPML file: it declares a DOCTYPE, which is refused because entities "
                        + "could read local files or expand without bound");
    }

    @Test
    void refusesANamedPipeWithoutOpeningItAndAFileLargerThanTheLimit() throws IOException, InterruptedException {
        Path fifo = dir.resolve("subscriptions.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> OpmlFile.read(fifo))
                .isInstanceOf(FeedsFileException.class)
                .hasMessage(fifo + ": is not a regular file (it is a named pipe, a device or a socket): give the path"
                        + " of an OPML file"));

        String outline = "<outline text=\"x\" xmlUrl=\"https://a.example/rss\"/>\n";
        Path large = write("<opml version=\"2.0\"><head/><body>\n" + outline.repeat(100_000) + "</body></opml>\n", "UTF-8");
        assertThatThrownBy(() -> OpmlFile.read(large))
                .isInstanceOf(FeedsFileException.class)
                .hasMessage(large + ": is 5,100,049 bytes, more than the 4 MiB (4,194,304 bytes) an OPML file may have:"
                        + " check that it is the right file");
    }

    private Path write(String xml, String charset) throws IOException {
        Path file = dir.resolve("subscriptions.opml");
        Files.write(file, xml.getBytes(charset));
        return file;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(OpmlFileTest.class.getResource("/feeds/" + name).toURI());
    }
}
