package io.newsmon.ingest.config;

/** What a feed URL serves; written in lower case in the feeds file ({@code type: html}). */
public enum FeedType {
    /** An RSS (0.9x, 1.0, 2.0) or Atom feed, told apart from the content. The default. */
    AUTO,
    /** An HTML listing page whose article links a CSS selector picks out. */
    HTML
}
