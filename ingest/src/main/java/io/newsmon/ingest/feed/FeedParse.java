package io.newsmon.ingest.feed;

import io.newsmon.model.FeedEntry;
import java.util.List;

/** What {@link FeedParser#parse(byte[], String, String)} made of a document: its entries, or why none. */
public sealed interface FeedParse {
    /**
     * A feed's entries, in the feed's order, each with an absolute link and each link once.
     *
     * @param entries the entries; may be empty when the feed is
     */
    record Entries(List<FeedEntry> entries) implements FeedParse {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A document that is not an RSS or Atom feed.
     *
     * @param reason why, naming the feed URL, for example
     *               {@code https://example.org/news/ is an HTML page, not an RSS or Atom feed}
     */
    record NotAFeed(String reason) implements FeedParse {
    }
}
