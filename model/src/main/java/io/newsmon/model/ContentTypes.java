package io.newsmon.model;

import java.util.Locale;
import java.util.Set;

/**
 * What a {@link RawPage#contentType()} means: the media type of a {@code Content-Type} header, and which
 * media types are article pages. Ingest fetches only such pages and enrich reads only such pages.
 */
public final class ContentTypes {
    /** The media types of article pages: {@code text/html} and {@code application/xhtml+xml}. */
    public static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

    private ContentTypes() {
    }

    /** The media type of a {@code Content-Type} header, lower case, without parameters; empty for null. */
    public static String mediaType(String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return "";
        }
        int semicolon = contentTypeHeader.indexOf(';');
        String type = semicolon < 0 ? contentTypeHeader : contentTypeHeader.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code contentTypeHeader} is an article page's; an unknown (missing) type counts as HTML. */
    public static boolean isHtml(String contentTypeHeader) {
        String type = mediaType(contentTypeHeader);
        return type.isEmpty() || HTML.contains(type);
    }
}
