package io.newsmon.model;

import java.time.Instant;

/**
 * A feed entry's own fields, as the feed (or listing page) gave them; they travel with the article.
 *
 * @param title     the entry's title, or null
 * @param link      the entry's link, absolute, as published (before normalisation)
 * @param published the entry's publication time, or null when the feed gives none
 * @param summary   the entry's summary or description as plain text, or null
 * @param author    the entry's author, or null
 */
public record FeedEntry(String title, String link, Instant published, String summary, String author) {
    public FeedEntry {
        Checks.require(link, "feed entry link");
    }
}
