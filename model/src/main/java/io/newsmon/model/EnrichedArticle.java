package io.newsmon.model;

import java.time.Instant;
import java.util.List;

/**
 * An article after enrichment: the value of {@code news.enriched}, {@code news.topic.<id>} and
 * {@code news.duplicates}, keyed by {@link #id()}, and the row that store writes.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version
 * @param id            the article id, {@link ArticleId#of(String)} of the canonical URL
 * @param url           the canonical URL the article was fetched from
 * @param source        the name of the feed it came from
 * @param feedUrl       the URL of that feed
 * @param title         the article's title, from the page's metadata or the feed entry
 * @param author        the author(s), or null
 * @param publishedAt   the publication time in UTC, or null when neither page nor feed gives one
 * @param fetchedAt     when the page was fetched
 * @param language      the page's language as a BCP 47 tag such as {@code en}, or null
 * @param siteName      the site's name, or null
 * @param text          the article text, paragraphs separated by a blank line
 * @param contentHash   a hash of the normalised text, for exact duplicate detection
 * @param topics        the topics the article was tagged with
 * @param duplicateOf   null, or the id of the article this one duplicates
 */
public record EnrichedArticle(int schemaVersion, String id, String url, String source, String feedUrl,
                              String title, String author, Instant publishedAt, Instant fetchedAt,
                              String language, String siteName, String text, String contentHash,
                              List<TopicTag> topics, String duplicateOf) {
    /** The version of this message's shape. */
    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        Checks.require(id, "article id");
        Checks.require(url, "article url");
        if (fetchedAt == null) {
            throw new IllegalArgumentException("article fetchedAt is missing for " + url);
        }
        text = text == null ? "" : text;
        topics = Checks.copy(topics);
    }

    /** The ids of {@link #topics()}, in order. */
    public List<String> topicIds() {
        return topics.stream().map(TopicTag::id).toList();
    }

    /** This article marked as a duplicate of {@code originalId}. */
    public EnrichedArticle asDuplicateOf(String originalId) {
        return new EnrichedArticle(schemaVersion, id, url, source, feedUrl, title, author, publishedAt,
                fetchedAt, language, siteName, text, contentHash, topics, originalId);
    }
}
