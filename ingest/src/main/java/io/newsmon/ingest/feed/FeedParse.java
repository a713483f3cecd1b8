package io.newsmon.ingest.feed;

import io.newsmon.model.FeedEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What {@link FeedParser#parse(byte[], String, String)} made of a document: its entries, the sitemaps a
 * sitemap index lists, or why neither.
 */
public sealed interface FeedParse {
    /**
     * A feed's (or a sitemap's) entries, in the document's order, each with an absolute link and each
     * link once.
     *
     * <p>Example: {@code new Entries(List.of(entry), Duration.ofMinutes(30))} for an RSS feed with
     * {@code <ttl>30</ttl>}.
     *
     * @param entries the entries; may be empty when the feed is
     * @param ttl     how long the feed says it may be cached (RSS {@code <ttl>}, in minutes there), positive;
     *                null when the feed does not say, which is always so for Atom, JSON Feed and sitemaps
     */
    record Entries(List<FeedEntry> entries, Duration ttl) implements FeedParse {
        public Entries {
            entries = List.copyOf(entries);
            if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
                throw new IllegalArgumentException("ttl " + ttl + " must be positive, or null when the feed gives none");
            }
        }

        /** Entries without a ttl. */
        public Entries(List<FeedEntry> entries) {
            this(entries, null);
        }
    }

    /**
     * A sitemap index: the sitemaps it lists, newest first by their {@code <lastmod>}, those without one
     * last (in the index's order among equals).
     *
     * <p>Example: {@code new SitemapIndex(List.of(new SitemapRef("https://example.org/news-sitemap.xml",
     * Instant.parse("2024-05-08T10:00:00Z"))))}.
     *
     * @param sitemaps the sitemaps, each URL once; may be empty when the index is
     */
    record SitemapIndex(List<SitemapRef> sitemaps) implements FeedParse {
        private static final Comparator<SitemapRef> NEWEST_FIRST = Comparator.comparing(SitemapRef::lastModified,
                Comparator.nullsLast(Comparator.reverseOrder()));

        public SitemapIndex {
            sitemaps = List.copyOf(sitemaps).stream().sorted(NEWEST_FIRST).toList();
        }
    }

    /**
     * One sitemap listed in a sitemap index.
     *
     * @param url          the sitemap's absolute http(s) URL
     * @param lastModified the index's {@code <lastmod>} for it, or null when it gives none
     */
    record SitemapRef(String url, Instant lastModified) {
        public SitemapRef {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("sitemap url is missing: a sitemap index entry needs its <loc>");
            }
        }
    }

    /**
     * A document that is neither a feed nor a sitemap.
     *
     * @param reason why, naming the document's URL, for example
     *               {@code https://example.org/news/ is an HTML page, not an RSS or Atom feed}
     */
    record NotAFeed(String reason) implements FeedParse {
    }
}
