package io.newsmon.ingest.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import io.newsmon.ingest.fetch.CharsetDetector;
import io.newsmon.model.FeedEntry;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * RSS 0.90 to 0.94, 1.0 (RDF) and 2.0 and Atom 0.3 and 1.0, read with ROME. DOCTYPEs are refused, so
 * neither external entities (XXE) nor entity expansion ("billion laughs") can happen. The RSS
 * {@code <ttl>} becomes {@link FeedParse.Entries#ttl()}.
 */
final class RomeFeeds {
    private RomeFeeds() {
    }

    static FeedParse parse(byte[] content, String contentType, String feedUrl) {
        WireFeed wire;
        try {
            wire = input().build(new StringReader(CharsetDetector.decode(content, CharsetDetector.detect(contentType, content))));
        } catch (FeedException e) {
            return new FeedParse.NotAFeed(feedUrl + " is not a valid RSS or Atom feed: " + describe(e));
        } catch (IllegalArgumentException e) {
            return new FeedParse.NotAFeed(feedUrl + " is XML but neither RSS nor Atom");
        }
        if (wire.getFeedType().startsWith("opml")) {
            // rome-opml registers its parser with ROME, so an OPML file would otherwise read as a feed.
            return new FeedParse.NotAFeed(feedUrl + " is XML but neither RSS nor Atom: it is an OPML subscription list");
        }
        return new FeedParse.Entries(entries(wire, feedUrl), ttl(wire));
    }

    private static WireFeedInput input() {
        WireFeedInput input = new WireFeedInput();
        input.setAllowDoctypes(false);
        return input;
    }

    private static String describe(FeedException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("DOCTYPE is disallowed") ? FeedParser.DOCTYPE_REFUSED : message;
    }

    private static Duration ttl(WireFeed wire) {
        return wire instanceof Channel channel && channel.getTtl() > 0 ? Duration.ofMinutes(channel.getTtl()) : null;
    }

    private static List<FeedEntry> entries(WireFeed wire, String feedUrl) {
        EntryCollector collector = new EntryCollector(feedUrl);
        SyndFeed feed = new SyndFeedImpl(wire, true); // keeps each entry's wire entry, for Atom 0.3's <issued>
        // In Atom an entry without an author has the feed's; an RSS channel has editors, not authors.
        String feedAuthor = wire instanceof Feed ? name(feed.getAuthors()) : null;
        for (SyndEntry entry : feed.getEntries()) {
            collector.resolve(entry.getLink())
                    .or(() -> collector.resolveAbsolute(entry.getUri()))
                    .ifPresent(link -> collector.add(new FeedEntry(text(entry.getTitleEx(), entry.getTitle()), link,
                            published(entry), summary(entry), orElse(author(entry), feedAuthor))));
        }
        return collector.entries();
    }

    /** Atom 0.3's {@code <issued>} (ROME prefers {@code <modified>}), else the published, else the updated date. */
    private static Instant published(SyndEntry entry) {
        Date date = entry.getWireEntry() instanceof Entry atom && atom.getIssued() != null ? atom.getIssued()
                : entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
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
        return name(entry.getAuthors());
    }

    private static String name(List<SyndPerson> people) {
        return people.stream().map(SyndPerson::getName)
                .filter(name -> name != null && !name.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    /** {@code value} as plain text: HTML unless the feed says the content is plain text; null if blank. */
    private static String text(SyndContent content, String value) {
        String type = content == null || content.getType() == null ? "html" : content.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain") ? PlainText.of(value) : PlainText.fromHtml(value);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
