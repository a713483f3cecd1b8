package io.newsmon.ingest.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.url.UrlNormalizer;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * XML sitemaps, Google News sitemaps, sitemap indexes and text sitemaps (one URL a line), read with
 * crawler-commons' {@link SiteMapParser}, which refuses DOCTYPEs and resolves no external entities.
 *
 * <p>The parser is not strict, so URLs outside the sitemap's own folder are kept; relative
 * {@code <loc>}s are resolved against the sitemap URL, and a text sitemap's lines that are not absolute
 * http(s) URLs are skipped. An entry's title and date come from the news
 * extension's {@code news:title} and {@code news:publication_date}; without them an entry has no title
 * and its {@code <lastmod>} as date. Sitemaps carry no summaries or authors.
 */
final class Sitemaps {
    /** The media type under which XML sitemaps are handed to crawler-commons. */
    static final String XML = "text/xml";
    /** The media type under which text sitemaps are handed to crawler-commons. */
    static final String TEXT = "text/plain";

    private Sitemaps() {
    }

    /** @param mediaType {@link #XML} or {@link #TEXT}, as sniffed from the content */
    static FeedParse parse(byte[] content, String mediaType, String sitemapUrl) {
        EntryCollector collector = new EntryCollector(sitemapUrl);
        AbstractSiteMap sitemap;
        try {
            sitemap = parser(collector, mediaType).parseSiteMap(mediaType, content, url(sitemapUrl));
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            return new FeedParse.NotAFeed(sitemapUrl + " is not a valid sitemap: " + describe(e));
        }
        if (sitemap instanceof SiteMapIndex index) {
            return new FeedParse.SitemapIndex(sitemaps(index));
        }
        for (SiteMapURL url : ((SiteMap) sitemap).getSiteMapUrls()) {
            collector.add(entry(url));
        }
        return new FeedParse.Entries(collector.entries());
    }

    private static SiteMapParser parser(EntryCollector collector, String mediaType) {
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        // Applied to each <loc> or line before crawler-commons makes it a URL; null drops it. A line of a
        // text sitemap is no markup that could hold a relative link: it is a URL or nothing.
        parser.setURLFilter(mediaType.equals(TEXT)
                ? line -> collector.resolveAbsolute(line).orElse(null)
                : loc -> collector.resolve(loc).orElse(null));
        return parser;
    }

    private static URL url(String sitemapUrl) throws MalformedURLException {
        return URI.create(sitemapUrl).toURL();
    }

    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("DOCTYPE is disallowed")) {
                return FeedParser.DOCTYPE_REFUSED;
            }
        }
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        return String.valueOf(cause.getMessage());
    }

    private static List<FeedParse.SitemapRef> sitemaps(SiteMapIndex index) {
        List<FeedParse.SitemapRef> sitemaps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AbstractSiteMap sitemap : index.getSitemaps()) {
            String url = sitemap.getUrl().toString();
            if (seen.add(UrlNormalizer.normalize(url))) {
                sitemaps.add(new FeedParse.SitemapRef(url, instant(sitemap.getLastModified())));
            }
        }
        return sitemaps;
    }

    private static FeedEntry entry(SiteMapURL url) {
        Optional<NewsAttributes> news = news(url);
        String title = news.map(NewsAttributes::getTitle).map(PlainText::of).orElse(null);
        Instant published = news.map(NewsAttributes::getPublicationDate).map(Date::toInstant)
                .orElseGet(() -> instant(url.getLastModified()));
        return new FeedEntry(title, url.getUrl().toString(), published, null, null);
    }

    private static Optional<NewsAttributes> news(SiteMapURL url) {
        ExtensionMetadata[] news = url.getAttributesForExtension(Extension.NEWS);
        return news == null ? Optional.empty()
                : Arrays.stream(news).filter(NewsAttributes.class::isInstance).map(NewsAttributes.class::cast).findFirst();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
