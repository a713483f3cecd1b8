package io.newsmon.ingest;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.config.FeedType;
import io.newsmon.ingest.feed.FeedParse;
import io.newsmon.ingest.feed.FeedParser;
import io.newsmon.ingest.feed.ListingParser;
import io.newsmon.ingest.fetch.CacheHints;
import io.newsmon.ingest.fetch.FailureKind;
import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.ingest.fetch.Validators;
import io.newsmon.ingest.politeness.PoliteFetcher;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.text.Printable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one feed, listing page or sitemap with a conditional GET and parses it into entries; a sitemap
 * index is followed to its newest sitemaps. Failures are values.
 */
final class FeedReader {
    /** What reading a feed gave. */
    sealed interface Outcome {
    }

    /**
     * The feed's entries.
     *
     * @param entries    the entries, each link once
     * @param freshFor   how long the server says the feed stays fresh (cache headers or RSS ttl), or null
     * @param validators what to send with the next conditional GET
     */
    record Read(List<FeedEntry> entries, Duration freshFor, Validators validators) implements Outcome {
    }

    /** A 304: nothing changed since the validators were sent. */
    record NotModified(Duration freshFor, Validators validators) implements Outcome {
    }

    /**
     * The feed gave no entries: {@code reason} names the URL and the rule, safe to print ({@link Printable#text}:
     * secrets masked, control characters escaped).
     */
    record Failed(FailureKind kind, String reason, Duration retryAfter) implements Outcome {
        Failed {
            reason = Printable.text(reason);
        }
    }

    private final PoliteFetcher.Fetch fetch;
    private final int maxSitemaps;

    /**
     * @param fetch       fetches a URL, already throttled per host
     * @param maxSitemaps how many sitemaps of a sitemap index are read, newest first
     */
    FeedReader(PoliteFetcher.Fetch fetch, int maxSitemaps) {
        this.fetch = fetch;
        this.maxSitemaps = maxSitemaps;
    }

    Outcome read(FeedSource source, Validators validators) {
        return switch (fetch.fetch(source.url(), validators)) {
            case FetchResult.Failed failed -> new Failed(failed.kind(), failed.reason(), failed.retryAfter());
            case FetchResult.NotModified notModified ->
                    new NotModified(notModified.cache().freshFor(), merge(validators, notModified.cache()));
            case FetchResult.Fetched fetched -> parse(source, fetched);
        };
    }

    private Outcome parse(FeedSource source, FetchResult.Fetched fetched) {
        try {
            if (source.type() == FeedType.HTML) {
                return readListing(source, fetched);
            }
            return switch (FeedParser.parse(fetched.body(), contentType(fetched), fetched.url())) {
                case FeedParse.Entries entries -> new Read(entries.entries(),
                        later(fetched.cache().freshFor(), entries.ttl()), fetched.cache().validators());
                case FeedParse.SitemapIndex index -> readSitemaps(index, fetched);
                case FeedParse.NotAFeed notAFeed -> new Failed(FailureKind.NOT_A_FEED, notAFeed.reason(), null);
            };
        } catch (RuntimeException e) {
            // A parser bug on one odd document must not stop the other feeds.
            return new Failed(FailureKind.PARSE, fetched.url() + " could not be parsed: " + e, null);
        }
    }

    private Outcome readSitemaps(FeedParse.SitemapIndex index, FetchResult.Fetched fetched) {
        List<FeedEntry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (FeedParse.SitemapRef sitemap : index.sitemaps().stream().limit(maxSitemaps).toList()) {
            switch (fetch.fetch(sitemap.url(), Validators.NONE)) {
                case FetchResult.Fetched child -> {
                    switch (FeedParser.parse(child.body(), contentType(child), child.url())) {
                        case FeedParse.Entries found -> entries.addAll(found.entries());
                        case FeedParse.SitemapIndex nested -> errors.add(child.url() + " is a sitemap index inside the sitemap index "
                                + fetched.url() + "; only one level is followed");
                        case FeedParse.NotAFeed notAFeed -> errors.add(notAFeed.reason());
                    }
                }
                case FetchResult.Failed failed -> errors.add(failed.reason());
                case FetchResult.NotModified notModified -> {
                    // not asked for: no validators were sent
                }
            }
        }
        if (entries.isEmpty() && !errors.isEmpty()) {
            return new Failed(FailureKind.SITEMAP,
                    "sitemap index " + fetched.url() + ": no sitemap could be read: " + String.join("; ", errors), null);
        }
        return new Read(entries, fetched.cache().freshFor(), fetched.cache().validators());
    }

    private static Outcome readListing(FeedSource source, FetchResult.Fetched fetched) {
        List<FeedEntry> entries = ListingParser.parse(fetched.text(), fetched.url(), source.linkSelector());
        if (entries.isEmpty()) {
            return new Failed(FailureKind.NO_LINKS,
                    "linkSelector \"" + source.linkSelector() + "\" matched no http(s) links on " + fetched.url(), null);
        }
        return new Read(entries, fetched.cache().freshFor(), fetched.cache().validators());
    }

    private static String contentType(FetchResult.Fetched fetched) {
        return fetched.contentType() + "; charset=" + fetched.charset();
    }

    /** The validators a 304 leaves in force: the new ones where it sent any, else those sent. */
    private static Validators merge(Validators sent, CacheHints answer) {
        return new Validators(answer.etag() != null ? answer.etag() : sent.etag(),
                answer.lastModified() != null ? answer.lastModified() : sent.lastModified());
    }

    private static Duration later(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
