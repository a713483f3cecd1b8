package io.newsmon.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads what a feed URL served, whatever the format, and never fetches anything itself.
 *
 * <p>Accepted, told apart by the content first and the content type second (see {@link FormatSniffer}):
 * <ul>
 *   <li>RSS 0.90 to 0.94, RSS 1.0 (RDF) and RSS 2.0, Atom 0.3 and 1.0, with ROME; an RSS {@code <ttl>}
 *       becomes {@link FeedParse.Entries#ttl()};</li>
 *   <li>JSON Feed 1.0 and 1.1, with Jackson;</li>
 *   <li>XML sitemaps, Google News sitemaps and text sitemaps (one URL a line), and sitemap indexes, which
 *       give a {@link FeedParse.SitemapIndex} of their sitemaps newest first, with crawler-commons;</li>
 *   <li>any of these gzip-compressed ({@code .xml.gz}), unpacked up to 50 MiB.</li>
 * </ul>
 *
 * <p>For every format, entry links are resolved against the feed URL; an entry without a usable http(s)
 * link is skipped unless its id (guid) is an http(s) URL; an entry whose canonical link repeats an earlier
 * one is dropped. Titles and summaries become plain text. XML DOCTYPEs are refused, so neither external
 * entities (XXE) nor entity expansion ("billion laughs") can happen. An HTML page, an OPML subscription
 * list, other XML or malformed content is a {@link FeedParse.NotAFeed} whose reason names the URL and
 * the rule.
 *
 * <p>Example: {@code FeedParser.parse(bytes, "application/rss+xml; charset=UTF-8", "https://example.org/rss.xml")}.
 */
public final class FeedParser {
    /** The most a gzip-compressed document may unpack to, in bytes: 50 MiB, a sitemap's limit. */
    static final int MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

    static final String DOCTYPE_REFUSED =
            "it declares a DOCTYPE, which is refused because entities could read local files or expand without bound";

    private FeedParser() {
    }

    /**
     * The entries (or sitemaps) of the document in {@code content}.
     *
     * @param content     the document as fetched (after any {@code Content-Encoding} was undone)
     * @param contentType the {@code Content-Type} header (with or without a charset), or null
     * @param feedUrl     the URL the document came from (after redirects), for relative links and messages
     */
    public static FeedParse parse(byte[] content, String contentType, String feedUrl) {
        byte[] bytes = content == null ? new byte[0] : content;
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(bytes, contentType);
        return switch (sniffed.format()) {
            case EMPTY -> new FeedParse.NotAFeed(feedUrl + " is empty, not a feed or sitemap");
            case GZIP -> gunzipped(bytes, feedUrl);
            case RSS_OR_ATOM -> RomeFeeds.parse(bytes, contentType, feedUrl);
            case JSON -> JsonFeeds.parse(bytes, contentType, feedUrl);
            case XML_SITEMAP -> Sitemaps.parse(bytes, Sitemaps.XML, feedUrl);
            case TEXT_SITEMAP -> Sitemaps.parse(bytes, Sitemaps.TEXT, feedUrl);
            case HTML -> new FeedParse.NotAFeed(feedUrl + " is an HTML page, not an RSS or Atom feed");
            case OPML -> new FeedParse.NotAFeed(feedUrl
                    + " is an OPML subscription list, not a feed: import its feeds into the feeds file instead");
            case OTHER_XML -> new FeedParse.NotAFeed(feedUrl + " is XML with the root element <" + sniffed.rootElement()
                    + ">, not a feed or sitemap: expected rss, rdf:RDF, feed, urlset or sitemapindex");
        };
    }

    /** The unpacked document parsed; its content type is the gzip file's, so the content alone decides. */
    private static FeedParse gunzipped(byte[] content, String feedUrl) {
        byte[] unpacked;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            unpacked = in.readNBytes(MAX_UNPACKED_BYTES + 1);
        } catch (IOException e) {
            return new FeedParse.NotAFeed(feedUrl + " is gzip-compressed but cannot be unpacked: " + e.getMessage());
        }
        if (unpacked.length > MAX_UNPACKED_BYTES) {
            return new FeedParse.NotAFeed(feedUrl + " unpacks to more than " + MAX_UNPACKED_BYTES
                    + " bytes: a gzip-compressed feed or sitemap may hold at most 50 MiB");
        }
        if (FormatSniffer.isGzip(unpacked)) {
            return new FeedParse.NotAFeed(feedUrl + " is gzip-compressed twice: only one layer is unpacked");
        }
        return parse(unpacked, null, feedUrl);
    }
}
