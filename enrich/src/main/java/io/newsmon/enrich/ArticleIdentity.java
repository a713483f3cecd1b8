package io.newsmon.enrich;

import crawlercommons.domains.EffectiveTldFinder;
import io.newsmon.model.ArticleId;
import io.newsmon.model.RawPage;
import io.newsmon.model.url.UrlNormalizer;
import java.net.URI;
import java.util.Locale;

/**
 * The id of the article on a page: the raw page's id, or the id of the canonical URL the page declares
 * when that URL is on the same site and normalises to another URL (an AMP or mobile copy, a URL with
 * parameters the site ignores). Same site means the same registrable domain by the public suffix list
 * ({@code news.example.co.uk} and {@code amp.example.co.uk}), so a page cannot take over the id of another
 * site's article.
 *
 * <p>Example: a page fetched from {@code https://example.com/story.amp.html?ref=x} whose
 * {@code <link rel=canonical>} says {@code https://www.example.com/story} gets
 * {@code ArticleId.of("https://example.com/story")}, the id of the story itself.
 */
final class ArticleIdentity {
    private ArticleIdentity() {
    }

    /** The article id of {@code page}, whose metadata gave {@code declaredCanonicalUrl} (may be null). */
    static String of(RawPage page, String declaredCanonicalUrl) {
        if (declaredCanonicalUrl == null || declaredCanonicalUrl.isBlank()) {
            return page.id();
        }
        String canonical;
        String fetched;
        try {
            canonical = UrlNormalizer.normalize(declaredCanonicalUrl);
            fetched = UrlNormalizer.normalize(page.url());
        } catch (IllegalArgumentException e) {
            return page.id();
        }
        if (canonical.equals(fetched) || !sameSite(canonical, fetched)) {
            return page.id();
        }
        return ArticleId.of(canonical);
    }

    /** Whether both URLs' hosts have the same registrable domain (the whole host when it has no known suffix). */
    static boolean sameSite(String a, String b) {
        String siteA = site(a);
        return siteA != null && siteA.equals(site(b));
    }

    private static String site(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
        return domain != null ? domain : host;
    }
}
