package io.newsmon.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newsmon.ingest.fetch.CharsetDetector;
import io.newsmon.ingest.url.UrlCanonicalizer;
import io.newsmon.ingest.url.UrlResolver;
import io.newsmon.model.ContentTypes;
import io.newsmon.model.FeedEntry;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Parses RSS 0.9x, 1.0 and 2.0 and Atom feeds with ROME.
 *
 * <p>DOCTYPEs are refused, so neither external entities (XXE) nor entity expansion ("billion laughs")
 * can happen. Entry links are resolved against the feed URL; entries without a usable http(s) link are
 * skipped, and an entry whose canonical link repeats an earlier one is dropped. Titles and summaries are
 * turned from HTML into plain text with jsoup. An HTML page where a feed was expected is a
 * {@link FeedParse.NotAFeed} that says so.
 *
 * <p>Example: {@code FeedParser.parse(bytes, "application/rss+xml; charset=UTF-8", "https://example.org/rss.xml")}.
 */
public final class FeedParser {
    private static final int SNIFF_BYTES = 1024;

    private FeedParser() {
    }

    /**
     * The entries of the feed in {@code content}.
     *
     * @param content     the document as fetched
     * @param contentType the {@code Content-Type} header (with or without a charset), or null
     * @param feedUrl     the URL the document came from (after redirects), for relative links and messages
     */
    public static FeedParse parse(byte[] content, String contentType, String feedUrl) {
        if (content == null || content.length == 0) {
            return new FeedParse.NotAFeed(feedUrl + " is empty, not an RSS or Atom feed");
        }
        if (looksLikeHtml(content, contentType)) {
            return new FeedParse.NotAFeed(feedUrl + " is an HTML page, not an RSS or Atom feed");
        }
        SyndFeed feed;
        try {
            feed = input().build(new StringReader(decode(content, contentType)));
        } catch (FeedException e) {
            return new FeedParse.NotAFeed(feedUrl + " is not a valid RSS or Atom feed: " + describe(e));
        } catch (IllegalArgumentException e) {
            return new FeedParse.NotAFeed(feedUrl + " is XML but neither RSS nor Atom");
        }
        return new FeedParse.Entries(entries(feed, feedUrl));
    }

    private static SyndFeedInput input() {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        return input;
    }

    private static String decode(byte[] content, String contentType) {
        Charset charset = CharsetDetector.detect(contentType, content);
        return CharsetDetector.decode(content, charset);
    }

    private static String describe(FeedException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("DOCTYPE is disallowed")
                ? "it declares a DOCTYPE, which is refused because entities could read local files or expand without bound"
                : message;
    }

    static boolean looksLikeHtml(byte[] content, String contentType) {
        String head = new String(content, 0, Math.min(content.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")) {
            return false;
        }
        return head.contains("<html") || head.contains("<!doctype html")
                || ContentTypes.mediaType(contentType).equals("text/html");
    }

    private static List<FeedEntry> entries(SyndFeed feed, String feedUrl) {
        List<FeedEntry> entries = new ArrayList<>();
        Set<String> canonicalLinks = new HashSet<>();
        for (SyndEntry entry : feed.getEntries()) {
            Optional<String> link = link(entry, feedUrl);
            if (link.isPresent() && canonicalLinks.add(UrlCanonicalizer.canonicalize(link.get()))) {
                entries.add(new FeedEntry(text(entry.getTitleEx(), entry.getTitle()), link.get(),
                        published(entry), summary(entry), author(entry)));
            }
        }
        return entries;
    }

    /** The entry's link, else its id when that is an http(s) URL; empty when neither can be canonicalized. */
    private static Optional<String> link(SyndEntry entry, String feedUrl) {
        Optional<String> link = UrlResolver.resolve(feedUrl, entry.getLink()).filter(FeedParser::canonicalizes);
        if (link.isEmpty() && entry.getUri() != null && entry.getUri().strip().toLowerCase(Locale.ROOT).startsWith("http")) {
            link = UrlResolver.resolve(feedUrl, entry.getUri()).filter(FeedParser::canonicalizes);
        }
        return link;
    }

    private static boolean canonicalizes(String url) {
        try {
            UrlCanonicalizer.canonicalize(url);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static String summary(SyndEntry entry) {
        if (entry.getDescription() != null) {
            return text(entry.getDescription(), entry.getDescription().getValue());
        }
        return entry.getContents().isEmpty() ? null : text(entry.getContents().get(0), entry.getContents().get(0).getValue());
    }

    private static String author(SyndEntry entry) {
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            return entry.getAuthor().strip();
        }
        return entry.getAuthors().stream().map(SyndPerson::getName)
                .filter(name -> name != null && !name.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    /** {@code value} as plain text: HTML unless the feed says the content is plain text; null if blank. */
    private static String text(SyndContent content, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String type = content == null || content.getType() == null ? "html" : content.getType().toLowerCase(Locale.ROOT);
        String text = type.equals("text") || type.equals("text/plain")
                ? value.strip().replaceAll("\\s+", " ")
                : Jsoup.parseBodyFragment(value).text();
        return text.isBlank() ? null : text;
    }
}
