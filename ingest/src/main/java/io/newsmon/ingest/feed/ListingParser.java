package io.newsmon.ingest.feed;

import io.newsmon.model.FeedEntry;
import io.newsmon.model.url.HttpUrls;
import io.newsmon.model.url.UrlNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Picks the article links out of an HTML listing page (a section front, a press-release index) with a
 * CSS selector, for sites without a feed.
 *
 * <p>The selector may pick the anchors themselves ({@code ul.stories a}) or elements that contain them
 * ({@code ul.stories li}); every {@code a[href]} found is taken. Links are made absolute against the page
 * URL, only http(s) links are kept, and a link whose canonical form repeats an earlier one is dropped
 * (keeping the first non-blank anchor text as its title). Entries carry a title only: listing pages give
 * no dates or summaries.
 *
 * <p>Example: {@code ListingParser.parse(html, "https://example.org/news/", "ul.stories a")}.
 */
public final class ListingParser {
    private ListingParser() {
    }

    /**
     * The article links on the page, in page order.
     *
     * @param html         the page, decoded
     * @param pageUrl      the page's URL (after redirects), for relative links
     * @param linkSelector a CSS selector in jsoup's syntax, checked beforehand (see
     *                     {@link io.newsmon.ingest.config.FeedSource})
     * @throws org.jsoup.select.Selector.SelectorParseException when {@code linkSelector} is not valid
     */
    public static List<FeedEntry> parse(String html, String pageUrl, String linkSelector) {
        Map<String, FeedEntry> byNormalLink = new LinkedHashMap<>();
        for (Element selected : Jsoup.parse(html, pageUrl).select(linkSelector)) {
            List<Element> anchors = selected.is("a[href]") ? List.of(selected) : selected.select("a[href]");
            anchors.forEach(anchor -> add(byNormalLink, anchor));
        }
        return List.copyOf(byNormalLink.values());
    }

    private static void add(Map<String, FeedEntry> byNormalLink, Element anchor) {
        String link = anchor.absUrl("href");
        if (!HttpUrls.startsWithHttp(link)) {
            return;
        }
        String canonical;
        try {
            canonical = UrlNormalizer.normalize(link);
        } catch (IllegalArgumentException e) {
            return;
        }
        String title = anchor.text().isBlank() ? null : anchor.text().strip();
        FeedEntry earlier = byNormalLink.get(canonical);
        if (earlier == null || (earlier.title() == null && title != null)) {
            byNormalLink.put(canonical, new FeedEntry(title, earlier == null ? link : earlier.link(), null, null, null));
        }
    }
}
