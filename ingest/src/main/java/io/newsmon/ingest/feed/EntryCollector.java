package io.newsmon.ingest.feed;

import io.newsmon.ingest.url.UrlResolver;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.url.HttpUrls;
import io.newsmon.model.url.UrlNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects one document's entries by the same rules for every format: links are resolved against the
 * document's URL, an entry without a usable http(s) link is skipped by its caller, and an entry whose
 * canonical link repeats an earlier one is dropped (the first is kept, in document order).
 */
final class EntryCollector {
    private final String documentUrl;
    private final Map<String, FeedEntry> byNormalLink = new LinkedHashMap<>();

    /** @param documentUrl the URL the feed or sitemap came from, for relative links */
    EntryCollector(String documentUrl) {
        this.documentUrl = documentUrl;
    }

    /** {@code link} made absolute, when that gives an http(s) URL that can be normalised. */
    Optional<String> resolve(String link) {
        return UrlResolver.resolve(documentUrl, link).filter(EntryCollector::normalizes);
    }

    /**
     * {@code value} as a link only when it already is an absolute http(s) URL: for an entry's id (RSS guid,
     * Atom id, JSON Feed id), since ids such as {@code tag:} URIs or bare numbers name nothing to fetch,
     * and for the lines of a text sitemap.
     */
    Optional<String> resolveAbsolute(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return HttpUrls.startsWithHttp(value.strip()) ? resolve(value) : Optional.empty();
    }

    /** Adds {@code entry}, whose link came from {@link #resolve}, unless its canonical link was seen. */
    void add(FeedEntry entry) {
        byNormalLink.putIfAbsent(UrlNormalizer.normalize(entry.link()), entry);
    }

    /** The entries added, in order, each canonical link once. */
    List<FeedEntry> entries() {
        return List.copyOf(byNormalLink.values());
    }

    private static boolean normalizes(String url) {
        try {
            UrlNormalizer.normalize(url);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
