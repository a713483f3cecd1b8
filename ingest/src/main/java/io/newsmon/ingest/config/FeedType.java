package io.newsmon.ingest.config;

/** What a feed URL serves; written in lower case in the feeds file ({@code type: html}). */
public enum FeedType {
    /**
     * A feed or sitemap, its format told apart from the content: RSS (0.9x, 1.0, 2.0), Atom (0.3, 1.0),
     * JSON Feed (1.0, 1.1), an XML, Google News or text sitemap, or a sitemap index. The default.
     */
    AUTO,
    /** An HTML listing page whose article links a CSS selector picks out. */
    HTML
}
