package io.newsmon.model;

import java.time.Instant;
import java.util.List;

/**
 * An article after enrichment: the value of {@code news.enriched}, {@code news.topic.<id>} and
 * {@code news.duplicates}, keyed by {@link #id()}, and the row that store writes.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version
 * @param id            the article id, {@link ArticleId#of(String)} of the normal URL ({@code url})
 * @param url           the URL the article was fetched from, normalised by ingest (tracking parameters
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
        return toBuilder().topics(newTopics).build();
    }

    /** This article marked as a duplicate of {@code originalId}, with the estimated {@code similarity} of their texts. */
    public EnrichedArticle asDuplicateOf(String originalId, double similarity) {
        return toBuilder().duplicateOf(originalId).similarity(similarity).build();
    }

    /**
     * A builder of an article of this version, from what every article has: its id, its URL and when it was
     * fetched. Example: {@code EnrichedArticle.builder(id, url, fetchedAt).title("...").text("...").build()}.
     */
    public static Builder builder(String id, String url, Instant fetchedAt) {
        return new Builder(id, url, fetchedAt);
    }

    /** A builder that starts from this article; what it builds carries {@link #SCHEMA_VERSION}. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, url, fetchedAt);
            builder.canonicalUrl = canonicalUrl;
            builder.source = source;
            builder.feedUrl = feedUrl;
            builder.title = title;
            builder.author = author;
            builder.publishedAt = publishedAt;
            builder.modifiedAt = modifiedAt;
            builder.language = language;
            builder.siteName = siteName;
            builder.text = text;
            builder.contentHash = contentHash;
            builder.topics = topics;
            builder.duplicateOf = duplicateOf;
            builder.similarity = similarity;
            builder.discoveredAt = discoveredAt;
        return builder;
    }

    /** Builds an article naming each field it sets; the fields not set are null (topics: none). */
    public static final class Builder {
        private final String id;
        private final String url;
        private final Instant fetchedAt;
        private String canonicalUrl;
        private String source;
        private String feedUrl;
        private String title;
        private String author;
        private Instant publishedAt;
        private Instant modifiedAt;
        private String language;
        private String siteName;
        private String text;
        private String contentHash;
        private List<TopicTag> topics;
        private String duplicateOf;
        private Double similarity;
        private Instant discoveredAt;

        private Builder(String id, String url, Instant fetchedAt) {
            this.id = id;
            this.url = url;
            this.fetchedAt = fetchedAt;
        }

        public Builder canonicalUrl(String value) {
            canonicalUrl = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Builder feedUrl(String value) {
            feedUrl = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder author(String value) {
            author = value;
            return this;
        }

        public Builder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        public Builder modifiedAt(Instant value) {
            modifiedAt = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder siteName(String value) {
            siteName = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder contentHash(String value) {
            contentHash = value;
            return this;
        }

        public Builder topics(List<TopicTag> value) {
            topics = value;
            return this;
        }

        public Builder duplicateOf(String value) {
            duplicateOf = value;
            return this;
        }

        public Builder similarity(Double value) {
            similarity = value;
            return this;
        }

        public Builder discoveredAt(Instant value) {
            discoveredAt = value;
            return this;
        }

        /** The article, checked as any other. */
        public EnrichedArticle build() {
            return new EnrichedArticle(SCHEMA_VERSION, id, url, canonicalUrl, source, feedUrl, title, author, publishedAt, modifiedAt, fetchedAt, language, siteName, text, contentHash, topics, duplicateOf, similarity, discoveredAt);
        }
    }
}
