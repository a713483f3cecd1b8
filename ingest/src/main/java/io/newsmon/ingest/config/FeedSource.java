package io.newsmon.ingest.config;

import io.newsmon.model.url.HttpUrls;
import java.net.URI;
import java.net.URISyntaxException;
import org.jsoup.select.Selector;

/**
 * One feed to poll.
 *
 * <p>Example: {@code new FeedSource("https://example.org/news/", "Example listing", FeedType.HTML,
 * "ul.stories a")}. A value that breaks a rule throws an {@link IllegalArgumentException} whose message
 * starts with the field's name, for example {@code url "ftp://x" is not an http(s) URL}.
 *
 * @param url          the feed's absolute http(s) URL
 * @param name         a display name; when null or blank, the URL's host
 * @param type         {@link FeedType#AUTO} (the default, when null) or {@link FeedType#HTML}
 * @param linkSelector for {@link FeedType#HTML} only, the CSS selector (jsoup syntax) of the article links
 *                     or of the elements that contain them, for example {@code ul.stories a}
 */
public record FeedSource(String url, String name, FeedType type, String linkSelector) {
    public FeedSource {
        url = checkUrl(url);
        name = name == null || name.isBlank() ? URI.create(url).getHost() : name.strip();
        type = type == null ? FeedType.AUTO : type;
        linkSelector = checkSelector(type, linkSelector);
    }

    /** An RSS or Atom feed named after its host. */
    public static FeedSource feed(String url) {
        return new FeedSource(url, null, FeedType.AUTO, null);
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is missing: every feed needs an absolute http(s) URL");
        }
        String stripped = url.strip();
        URI uri;
        try {
            uri = new URI(stripped);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url \"" + url + "\" is not a valid URL: " + e.getReason());
        }
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("url \"" + url + "\" is not an absolute URL: it needs http:// or https://");
        }
        if (!HttpUrls.isHttpScheme(uri.getScheme())) {
            throw new IllegalArgumentException("url \"" + url + "\" is not an http(s) URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("url \"" + url + "\" has no valid host");
        }
        return stripped;
    }

    private static String checkSelector(FeedType type, String selector) {
        boolean blank = selector == null || selector.isBlank();
        if (type == FeedType.AUTO) {
            if (!blank) {
                throw new IllegalArgumentException("linkSelector \"" + selector
                        + "\" is set but the type is auto: add type: html for a listing page, or remove linkSelector");
            }
            return null;
        }
        if (blank) {
            throw new IllegalArgumentException(
                    "linkSelector is missing: a feed of type html needs a CSS selector for its article links, for example \"ul.stories a\"");
        }
        try {
            Selector.evaluatorOf(selector.strip());
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("linkSelector \"" + selector + "\" is not a valid CSS selector: " + e.getMessage());
        }
        return selector.strip();
    }
}
