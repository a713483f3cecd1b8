package io.newsmon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.feed.FormatSniffer.Format;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormatSnifferTest {

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", "text/html", Format.RSS_OR_ATOM, "rss"),
                Arguments.of("\uFEFF  <feed xmlns=\"http://www.w3.org/2005/Atom\"/>", null, Format.RSS_OR_ATOM, "feed"),
                Arguments.of("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", "application/xml", Format.RSS_OR_ATOM, "rdf:RDF"),
                Arguments.of("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"y\">]><rss/>", "text/xml", Format.RSS_OR_ATOM, "rss"),
                Arguments.of("<?xml-stylesheet href=\"a.xsl\"?><!-- <html> --><urlset/>", "text/xml", Format.XML_SITEMAP, "urlset"),
                Arguments.of("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", null, Format.XML_SITEMAP, "sitemapindex"),
                Arguments.of("<opml version=\"2.0\"><body/></opml>", "text/x-opml", Format.OPML, "opml"),
                Arguments.of("<!DOCTYPE html>\n<html lang=\"en\"></html>", "application/rss+xml", Format.HTML, "html"),
                Arguments.of("<div class=\"error\">Gone</div>", "text/html", Format.HTML, "div"),
                Arguments.of("<catalog/>", "application/xml", Format.OTHER_XML, "catalog"),
                Arguments.of("<!-- a comment that never ends", "text/html", Format.HTML, null),
                Arguments.of("<!-- a comment that never ends", "text/xml", Format.RSS_OR_ATOM, null),
                Arguments.of("  {\"version\": \"https://jsonfeed.org/version/1.1\"}", "text/plain", Format.JSON, null),
                Arguments.of("[1, 2]", null, Format.JSON, null),
                Arguments.of("Service unavailable", "application/feed+json", Format.JSON, null),
                Arguments.of("HTTPS://a.example/one\nhttps://a.example/two\n", "text/plain", Format.TEXT_SITEMAP, null),
                Arguments.of("Service unavailable", "text/plain", Format.RSS_OR_ATOM, null),
                Arguments.of(" \r\n\t", "application/xml", Format.EMPTY, null));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void tellsTheFormatByTheContentFirstAndTheContentTypeSecond(String content, String contentType, Format format, String root) {
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(content.getBytes(StandardCharsets.UTF_8), contentType);

        assertThat(sniffed).isEqualTo(new FormatSniffer.Sniffed(format, root));
    }

    @Test
    void readsTheHeadInTheDocumentsCharset() {
        byte[] utf16 = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><sitemapindex/>".getBytes(StandardCharsets.UTF_16LE);

        assertThat(FormatSniffer.sniff(utf16, "application/xml")).isEqualTo(new FormatSniffer.Sniffed(Format.XML_SITEMAP, "sitemapindex"));
    }

    @Test
    void knowsGzipByItsMagicBytesNotItsContentType() {
        assertThat(FormatSniffer.sniff(Fixtures.gzip("<rss/>".getBytes(StandardCharsets.UTF_8)), "text/xml").format()).isEqualTo(Format.GZIP);
        assertThat(FormatSniffer.sniff("<rss/>".getBytes(StandardCharsets.UTF_8), "application/x-gzip").format()).isEqualTo(Format.RSS_OR_ATOM);
    }
}
