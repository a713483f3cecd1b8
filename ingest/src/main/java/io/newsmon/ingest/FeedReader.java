package io.newsmon.ingest;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.config.FeedType;
import io.newsmon.ingest.feed.FeedParse;
import io.newsmon.ingest.feed.FeedParser;
import io.newsmon.ingest.feed.ListingParser;
import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.model.FeedEntry;
import java.util.List;
import java.util.function.Function;

/** Fetches one feed or listing page and parses it into entries; failures are values. */
final class FeedReader {
    /** A feed's entries, or the reason it gave none ({@code error} non-null). */
    record Read(FeedSource source, List<FeedEntry> entries, String error) {
        static Read failed(FeedSource source, String error) {
            return new Read(source, List.of(), error);
        }
    }

    private final Function<String, FetchResult> fetch;

    /** @param fetch fetches a URL, already throttled per host */
    FeedReader(Function<String, FetchResult> fetch) {
        this.fetch = fetch;
    }

    Read read(FeedSource source) {
        return switch (fetch.apply(source.url())) {
            case FetchResult.Failed failed -> Read.failed(source, failed.reason());
            case FetchResult.Fetched fetched -> parse(source, fetched);
            case FetchResult.NotModified notModified -> new Read(source, List.of(), null);
        };
    }

    private static Read parse(FeedSource source, FetchResult.Fetched fetched) {
        try {
            return source.type() == FeedType.HTML ? readListing(source, fetched) : readFeed(source, fetched);
        } catch (RuntimeException e) {
            // A parser bug on one odd document must not stop the other feeds.
            return Read.failed(source, "could not be parsed: " + e);
        }
    }

    private static Read readFeed(FeedSource source, FetchResult.Fetched fetched) {
        String contentType = fetched.contentType() + "; charset=" + fetched.charset();
        return switch (FeedParser.parse(fetched.body(), contentType, fetched.url())) {
            case FeedParse.Entries entries -> new Read(source, entries.entries(), null);
            case FeedParse.NotAFeed notAFeed -> Read.failed(source, notAFeed.reason());
        };
    }

    private static Read readListing(FeedSource source, FetchResult.Fetched fetched) {
        List<FeedEntry> entries = ListingParser.parse(fetched.text(), fetched.url(), source.linkSelector());
        if (entries.isEmpty()) {
            return Read.failed(source, "linkSelector \"" + source.linkSelector() + "\" matched no http(s) links on "
                    + fetched.url());
        }
        return new Read(source, entries, null);
    }
}
