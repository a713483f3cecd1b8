package io.newsmon.ingest.feed;

import io.newsmon.ingest.fetch.CharsetDetector;
import io.newsmon.model.ContentTypes;
import io.newsmon.model.url.HttpUrls;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the document formats apart by their first bytes, and by the content type only where the bytes
 * do not say: servers often send feeds as {@code text/html} or {@code application/octet-stream}.
 *
 * <p>Gzip by its magic bytes; JSON by a leading {@code &#123;} or {@code [}; XML by its root element,
 * taken from the first start tag or the DOCTYPE's name ({@code rss}, {@code rdf:RDF} and {@code feed} are
 * feeds, {@code urlset} and {@code sitemapindex} sitemaps, {@code opml} a subscription list, {@code html} a
 * page); a first line that is an http(s) URL is a text sitemap.
 */
final class FormatSniffer {
    /** What a document looks like. */
    enum Format { EMPTY, GZIP, RSS_OR_ATOM, JSON, XML_SITEMAP, TEXT_SITEMAP, OPML, HTML, OTHER_XML }

    /**
     * @param format      the format
     * @param rootElement the XML root element's name as written, or null when not XML or not found
     */
    record Sniffed(Format format, String rootElement) {
    }

    private static final int SNIFF_BYTES = 4096;
    private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|$)", Pattern.DOTALL);
    private static final Pattern ROOT = Pattern.compile("<(?:!doctype\\s+)?([a-z_][\\w.:-]*)", Pattern.CASE_INSENSITIVE);

    private FormatSniffer() {
    }

    static Sniffed sniff(byte[] content, String contentType) {
        if (isGzip(content)) {
            return new Sniffed(Format.GZIP, null);
        }
        String head = head(content, contentType);
        String mediaType = ContentTypes.mediaType(contentType);
        if (head.isEmpty()) {
            return new Sniffed(Format.EMPTY, null);
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return new Sniffed(Format.JSON, null);
        }
        if (head.startsWith("<")) {
            return markup(head, mediaType);
        }
        if (HttpUrls.startsWithHttp(head)) {
            return new Sniffed(Format.TEXT_SITEMAP, null);
        }
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            return new Sniffed(Format.JSON, null);
        }
        // Neither markup nor JSON: ROME's parser says best what is wrong with it.
        return new Sniffed(mediaType.equals("text/html") ? Format.HTML : Format.RSS_OR_ATOM, null);
    }

    static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
    }

    /** The first bytes decoded, without a byte order mark and leading whitespace. */
    private static String head(byte[] content, String contentType) {
        byte[] head = Arrays.copyOf(content, Math.min(content.length, SNIFF_BYTES));
        return CharsetDetector.decode(head, CharsetDetector.detect(contentType, content)).stripLeading();
    }

    private static Sniffed markup(String head, String mediaType) {
        Matcher m = ROOT.matcher(COMMENT.matcher(head).replaceAll(""));
        boolean html = mediaType.equals("text/html");
        if (!m.find()) {
            return new Sniffed(html ? Format.HTML : Format.RSS_OR_ATOM, null);
        }
        String root = m.group(1);
        Format format = switch (root.substring(root.indexOf(':') + 1).toLowerCase(Locale.ROOT)) {
            case "rss", "rdf", "feed" -> Format.RSS_OR_ATOM;
            case "urlset", "sitemapindex" -> Format.XML_SITEMAP;
            case "opml" -> Format.OPML;
            case "html" -> Format.HTML;
            default -> html ? Format.HTML : Format.OTHER_XML;
        };
        return new Sniffed(format, root);
    }
}
