package io.newsmon.enrich.metadata;

import io.newsmon.model.FeedEntry;
import io.newsmon.model.url.HttpUrls;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.parser.Parser;

/**
 * Reads a page's title, author, times, language, canonical URL and site name from its markup, falling
 * back on the feed entry. Stateless and thread-safe.
 *
 * <p>Sources, in order of preference (the first one that gives a usable value wins, per field):
 * <ol>
 *   <li><b>JSON-LD</b>: the first {@code Article}, {@code NewsArticle}, {@code ReportageNewsArticle} (or
 *       other article type) node, also inside {@code @graph} or arrays: {@code headline}, {@code author}
 *       (string, object or array), {@code datePublished}, {@code dateModified}, {@code url}. Publishers
 *       write it for search engines, so it is the most deliberate statement.</li>
 *   <li><b>OpenGraph</b>: {@code og:title}, {@code og:url}, {@code og:locale}, {@code og:site_name}
 *       (preferred over JSON-LD's {@code publisher.name}, which is often the company rather than the site).</li>
 *   <li><b>Article meta tags</b>: {@code twitter:title}; {@code article:author} (unless it is a profile URL),
 *       {@code author}, {@code parsely-author}, {@code dc.creator}; {@code article:published_time},
 *       {@code parsely-pub-date}, {@code dc.date}, {@code dc.date.issued}, {@code date}, {@code pubdate},
 *       {@code sailthru.date}; {@code article:modified_time}, {@code og:updated_time},
 *       {@code dc.date.modified}.</li>
 *   <li><b>Markup</b>: {@code <time datetime>} (one marked {@code pubdate} or {@code itemprop=datePublished}
 *       first), {@code itemprop=author} or {@code rel=author} bylines, {@code <title>} (without the
 *       site name before or after the headline: its name, host or acronym) then the first {@code <h1>}.</li>
 *   <li><b>The feed entry</b>: title, author, published time, link (as canonical URL).</li>
 * </ol>
 * The language comes from {@code <html lang>}, then {@code content-language} meta, then {@code og:locale},
 * then JSON-LD {@code inLanguage}, normalised to a BCP 47 tag ({@code en_GB} becomes {@code en-GB}); it is
 * null when the page declares none, and the {@code Enricher} then asks {@link TextLanguage} to detect it
 * from the extracted text. Times become
 * UTC instants: ISO-8601 with an offset or {@code Z} ({@code 2019-05-16T10:00:00+02:00}), without a zone
 * (read as UTC), a date only (midnight UTC) and RFC 1123 ({@code Thu, 16 May 2019 08:00:00 GMT}); a time
 * in another format is ignored and the next source is tried.
 * URLs are resolved against the document's location, so parse with the page URL as base URI.
 *
 * <p>Example: {@code new MetadataExtractor().extract(Jsoup.parse(html, pageUrl), entry).publishedAt()}.
 */
public final class MetadataExtractor {
    // Selectors parsed once: jsoup parses a selector string on every call.
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator HTML = QueryParser.parse("html");
    private static final Evaluator CANONICAL_LINK = QueryParser.parse("link[rel~=(?i)(^|\\s)canonical($|\\s)][href]");
    private static final List<Evaluator> TIMES = List.of(
            QueryParser.parse("time[pubdate][datetime], [itemprop=datePublished][datetime]"),
            QueryParser.parse("time[datetime]"));
    private static final Evaluator BYLINE = QueryParser.parse("[itemprop=author] [itemprop=name], [itemprop=author], a[rel=author]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The metadata of {@code doc}, with {@code entry} (may be null) as the last resort. */
    public PageMetadata extract(Document doc, FeedEntry entry) {
        // One walk over the page for the two kinds of element read here from anywhere in it.
        List<Element> scripts = new ArrayList<>();
        List<Element> metas = new ArrayList<>();
        for (Element element : doc.getAllElements()) {
            switch (element.normalName()) {
                case "script" -> scripts.add(element);
                case "meta" -> metas.add(element);
                default -> { }
            }
        }
        JsonLdArticle ld = JsonLdArticle.find(scripts);
        Map<String, String> meta = metaTags(metas);
        String siteName = first(() -> meta.get("og:site_name"), ld::publisherName, () -> meta.get("application-name"));
        return new PageMetadata(
                unescape(title(doc, ld, meta, siteName, entry)),
                unescape(author(doc, ld, meta, entry)),
                published(doc, ld, meta, entry),
                firstTime(ld::dateModified, () -> meta.get("article:modified_time"), () -> meta.get("og:updated_time"),
                        () -> meta.get("dc.date.modified"), () -> meta.get("datemodified")),
                language(doc, ld, meta),
                canonicalUrl(doc, ld, meta, entry),
                unescape(siteName));
    }

    private static String title(Document doc, JsonLdArticle ld, Map<String, String> meta, String siteName,
                                FeedEntry entry) {
        return first(ld::headline, () -> meta.get("og:title"), () -> meta.get("twitter:title"),
                () -> PageTitle.headline(doc.title(), siteName, doc.location(), h1(doc)), () -> h1(doc),
                () -> entry == null ? null : entry.title());
    }

    private static String h1(Document doc) {
        Element h1 = doc.selectFirst(H1);
        return h1 == null ? null : h1.text();
    }

    private static String author(Document doc, JsonLdArticle ld, Map<String, String> meta, FeedEntry entry) {
        return first(ld::author, () -> notUrl(meta.get("article:author")), () -> meta.get("author"),
                () -> meta.get("parsely-author"), () -> meta.get("dc.creator"), () -> meta.get("sailthru.author"),
                () -> byline(doc), () -> entry == null ? null : entry.author());
    }

    private static Instant published(Document doc, JsonLdArticle ld, Map<String, String> meta, FeedEntry entry) {
        Instant time = firstTime(ld::datePublished, () -> meta.get("article:published_time"),
                () -> meta.get("parsely-pub-date"), () -> meta.get("dc.date"), () -> meta.get("dc.date.issued"),
                () -> meta.get("date"), () -> meta.get("pubdate"), () -> meta.get("sailthru.date"),
                () -> meta.get("datepublished"), () -> timeElement(doc));
        return time != null || entry == null ? time : entry.published();
    }

    private static String language(Document doc, JsonLdArticle ld, Map<String, String> meta) {
        Element html = doc.selectFirst(HTML);
        return Stream.of(html == null ? null : html.attr("lang"),
                        meta.get("content-language"), meta.get("language"), meta.get("og:locale"), ld.inLanguage())
                .map(LanguageTags::normalise).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String canonicalUrl(Document doc, JsonLdArticle ld, Map<String, String> meta, FeedEntry entry) {
        Element link = doc.selectFirst(CANONICAL_LINK);
        return Stream.of(link == null ? null : link.attr("href"), meta.get("og:url"), ld.url(),
                        entry == null ? null : entry.link())
                .map(href -> absolute(doc, href)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Meta tags by lower-cased {@code property}, {@code name}, {@code itemprop} or {@code http-equiv}; the first wins. */
    private static Map<String, String> metaTags(List<Element> metas) {
        Map<String, String> tags = new HashMap<>();
        for (Element meta : metas) {
            if (!meta.hasAttr("content")) {
                continue;
            }
            String content = meta.attr("content").strip();
            for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                if (!content.isEmpty() && meta.hasAttr(key)) {
                    tags.putIfAbsent(meta.attr(key).strip().toLowerCase(Locale.ROOT), content);
                }
            }
        }
        return tags;
    }

    /** The first parseable {@code datetime}: of a time marked as the publication date, else of any time. */
    private static String timeElement(Document doc) {
        for (Evaluator selector : TIMES) {
            for (Element time : doc.select(selector)) {
                if (Times.parse(time.attr("datetime")) != null) {
                    return time.attr("datetime");
                }
            }
        }
        return null;
    }

    private static String byline(Document doc) {
        Element named = doc.selectFirst(BYLINE);
        return named == null ? null : named.hasAttr("content") ? named.attr("content") : named.text();
    }

    private static String notUrl(String value) {
        return value == null || HttpUrls.startsWithHttp(value) ? null : value;
    }

    private static String absolute(Document doc, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            String resolved = doc.location().isEmpty() ? href.strip()
                    : URI.create(doc.location()).resolve(href.strip()).toString();
            return HttpUrls.startsWithHttp(resolved) ? resolved : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant firstTime(Source... sources) {
        return Arrays.stream(sources).map(Source::get).map(Times::parse).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static String first(Source... sources) {
        return Arrays.stream(sources).map(Source::get).filter(s -> s != null && !s.isBlank())
                .findFirst().orElse(null);
    }

    /** One source of a value, read only when the sources before it gave nothing. */
    @FunctionalInterface
    private interface Source {
        String get();
    }

    private static String unescape(String text) {
        return text == null ? null : WHITESPACE.matcher(Parser.unescapeEntities(text, false)).replaceAll(" ").strip();
    }
}
