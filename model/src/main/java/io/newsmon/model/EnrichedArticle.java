package io.newsmon.model;

import java.time.Instant;
import java.util.List;

/**
 * An article after enrichment: the value of {@code news.enriched}, {@code news.topic.<id>} and
 * {@code news.duplicates}, keyed by {@link #id()}, and the row that store writes.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version
 * @param id            the article id, {@link ArticleId#of(String)} of the canonical URL
 * @param url           the URL the article was fetched from, canonicalised by ingest (tracking parameters
 *                      and fragment removed)
 * @param canonicalUrl  the URL the page declares as its own ({@code <link rel=canonical>}, {@code og:url},
 *                      JSON-LD {@code url}, else the feed entry's link), or null
 * @param source        the name of the feed it came from
 * @param feedUrl       the URL of that feed
 * @param title         the article's title, from the page's metadata or the feed entry
 * @param author        the author(s), or null
 * @param publishedAt   the publication time in UTC, or null when neither page nor feed gives one
 * @param modifiedAt    the last modification time in UTC that the page declares, or null
 * @param fetchedAt     when the page was fetched
 * @param language      the language as a BCP 47 tag such as {@code en}: declared by the page, else detected
 *                      from the text; null when neither tells
 * @param siteName      the site's name, or null
 * @param text          the article text, paragraphs separated by a blank line
 * @param contentHash   a hash of the normalised text, for exact duplicate detection
 * @param topics        the topics the article was tagged with
 * @param duplicateOf   null, or the id of the first-seen original this article duplicates
 * @param similarity    for a duplicate, the estimated similarity of its text to the original's, from 0 to 1
 *                      (1 for the same text); null otherwise
 * @param discoveredAt  when ingest read the entry in its feed, carried from {@link RawPage#discoveredAt()}
 *                      so that store can measure pipeline freshness; null when unknown (older messages, and
 *                      rows read back from the database, which does not keep it)
 */
public record EnrichedArticle(int schemaVersion, String id, String url, String canonicalUrl, String source,
                              String feedUrl, String title, String author, Instant publishedAt, Instant modifiedAt,
                              Instant fetchedAt, String language, String siteName, String text,
                              String contentHash, List<TopicTag> topics, String duplicateOf,
                              Double similarity, Instant discoveredAt) {
    /**
     * The version of this message's shape: 2 added {@code canonicalUrl} and {@code modifiedAt}, 3 added
     * {@code similarity}, 4 added {@code discoveredAt} (each null when read from an older message).
     */
    public static final int SCHEMA_VERSION = 4;

    public EnrichedArticle {
        Checks.require(id, "article id");
        Checks.require(url, "article url");
        if (fetchedAt == null) {
            throw new IllegalArgumentException("article fetchedAt is missing for " + url);
        }
        text = text == null ? "" : text;
        topics = Checks.copy(topics);
    }

    /** An article without a discovery time (rows read from the database, tests). */
    public EnrichedArticle(int schemaVersion, String id, String url, String canonicalUrl, String source, String feedUrl,
                           String title, String author, Instant publishedAt, Instant modifiedAt, Instant fetchedAt,
                           String language, String siteName, String text, String contentHash, List<TopicTag> topics,
                           String duplicateOf, Double similarity) {
        this(schemaVersion, id, url, canonicalUrl, source, feedUrl, title, author, publishedAt, modifiedAt, fetchedAt,
                language, siteName, text, contentHash, topics, duplicateOf, similarity, null);
    }

    /** The ids of {@link #topics()}, in order. */
    public List<String> topicIds() {
        return topics.stream().map(TopicTag::id).toList();
    }

    /** This article with {@code newTopics} in place of its topics. */
    public EnrichedArticle withTopics(List<TopicTag> newTopics) {
        return new EnrichedArticle(schemaVersion, id, url, canonicalUrl, source, feedUrl, title, author, publishedAt,
                modifiedAt, fetchedAt, language, siteName, text, contentHash, newTopics, duplicateOf, similarity, discoveredAt);
    }

    /** This article marked as a duplicate of {@code originalId}, with the estimated {@code similarity} of their texts. */
    public EnrichedArticle asDuplicateOf(String originalId, double similarity) {
        return new EnrichedArticle(schemaVersion, id, url, canonicalUrl, source, feedUrl, title, author, publishedAt,
                modifiedAt, fetchedAt, language, siteName, text, contentHash, topics, originalId, similarity, discoveredAt);
    }
}
