package io.newsmon.store.jdbc;

import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.model.TopicTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Articles for the store tests: the fixture file, and short articles built to order. */
final class Articles {
    private Articles() {
    }

    /** The three articles of {@code enriched-articles.json}: two originals and a translated duplicate. */
    static List<EnrichedArticle> fixture() {
        try (InputStream in = Articles.class.getResourceAsStream("enriched-articles.json")) {
            return List.of(Json.read(in.readAllBytes(), EnrichedArticle[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short article {@code id}, fetched at {@code fetchedAt}, published at {@code publishedAt} (may be null). */
    static EnrichedArticle article(String id, String fetchedAt, String publishedAt, TopicTag... topics) {
        Instant published = publishedAt == null ? null : Instant.parse(publishedAt);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, "https://news.example/a/" + id,
                "https://news.example/articles/" + id, "News Example", "https://news.example/feed.xml",
                "Article " + id, "Desk " + id, published, published == null ? null : published.plusSeconds(600),
                Instant.parse(fetchedAt), "en",
                "News Example", "Body of article " + id + ".", "hash-" + id, List.of(topics), null, null);
    }

    /** A topic tag with one line of evidence. */
    static TopicTag topic(String id, double score) {
        return new TopicTag(id, score, List.of(id + ": \"...text mentioning " + id + "...\""));
    }

    /** {@code article} with another title. */
    static EnrichedArticle retitled(EnrichedArticle a, String title) {
        return new EnrichedArticle(a.schemaVersion(), a.id(), a.url(), a.canonicalUrl(), a.source(), a.feedUrl(),
                title, a.author(), a.publishedAt(), a.modifiedAt(), a.fetchedAt(), a.language(), a.siteName(), a.text(),
                a.contentHash(), a.topics(), a.duplicateOf(), a.similarity());
    }

    /** {@code article} with other topics. */
    static EnrichedArticle retagged(EnrichedArticle a, TopicTag... topics) {
        return a.withTopics(List.of(topics));
    }
}
