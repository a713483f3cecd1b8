package io.newsmon.store.jdbc;

import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.model.TopicTag;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The SQL of the {@code article} and {@code article_topic} tables, and the mapping to and from rows. */
final class ArticleRows {
    static final String INSERT_ARTICLE = "INSERT INTO article (id, url, source, feed_url, title, author,"
            + " published_at, fetched_at, language, site_name, text, content_hash, duplicate_of, stored_at,"
            + " canonical_url, modified_at, similarity)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    static final String INSERT_TOPIC = "INSERT INTO article_topic (article_id, topic_id, ordinal, score, evidence)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, topic_id) DO NOTHING";
    /** Articles with their topics, one row per topic (or one row with null topic columns). */
    static final String SELECT = "SELECT a.id, a.url, a.source, a.feed_url, a.title, a.author, a.published_at,"
            + " a.fetched_at, a.language, a.site_name, a.text, a.content_hash, a.duplicate_of,"
            + " a.canonical_url, a.modified_at, a.similarity,"
            + " t.topic_id, t.score, t.evidence"
            + " FROM article a LEFT JOIN article_topic t ON t.article_id = a.id";

    private ArticleRows() {
    }

    static void bindArticle(PreparedStatement insert, Dialect dialect, EnrichedArticle article, Instant storedAt)
            throws SQLException {
        insert.setString(1, article.id());
        insert.setString(2, article.url());
        insert.setString(3, article.source());
        insert.setString(4, article.feedUrl());
        insert.setString(5, article.title());
        insert.setString(6, article.author());
        dialect.bindInstant(insert, 7, article.publishedAt());
        dialect.bindInstant(insert, 8, article.fetchedAt());
        insert.setString(9, article.language());
        insert.setString(10, article.siteName());
        insert.setString(11, article.text());
        insert.setString(12, article.contentHash());
        insert.setString(13, article.duplicateOf());
        dialect.bindInstant(insert, 14, storedAt);
        insert.setString(15, article.canonicalUrl());
        dialect.bindInstant(insert, 16, article.modifiedAt());
        if (article.similarity() == null) {
            insert.setNull(17, Types.DOUBLE);
        } else {
            insert.setDouble(17, article.similarity());
        }
    }

    /** Adds one batch entry per topic of {@code article}, keeping their order in {@code ordinal}. */
    static void addTopics(PreparedStatement insert, EnrichedArticle article) throws SQLException {
        List<TopicTag> topics = article.topics();
        for (int i = 0; i < topics.size(); i++) {
            TopicTag topic = topics.get(i);
            insert.setString(1, article.id());
            insert.setString(2, topic.id());
            insert.setInt(3, i);
            insert.setDouble(4, topic.score());
            insert.setString(5, Json.writeString(topic.evidence()));
            insert.addBatch();
        }
    }

    /**
     * Passes each article of {@code rows} (a {@link #SELECT} ordered by article, then topic ordinal) to
     * {@code out} with all its topics, holding only one article in memory.
     */
    static void forEach(ResultSet rows, Dialect dialect, Consumer<EnrichedArticle> out) throws SQLException {
        EnrichedArticle current = null;
        List<TopicTag> topics = new ArrayList<>();
        while (rows.next()) {
            String id = rows.getString("id");
            if (current == null || !current.id().equals(id)) {
                if (current != null) {
                    out.accept(current.withTopics(topics));
                }
                current = article(rows, dialect);
                topics = new ArrayList<>();
            }
            String topicId = rows.getString("topic_id");
            if (topicId != null) {
                topics.add(new TopicTag(topicId, rows.getDouble("score"), evidence(rows.getString("evidence"))));
            }
        }
        if (current != null) {
            out.accept(current.withTopics(topics));
        }
    }

    private static EnrichedArticle article(ResultSet rows, Dialect dialect) throws SQLException {
        return EnrichedArticle.builder(rows.getString("id"), rows.getString("url"), dialect.readInstant(rows, "fetched_at"))
                .canonicalUrl(rows.getString("canonical_url")).source(rows.getString("source"))
                .feedUrl(rows.getString("feed_url")).title(rows.getString("title")).author(rows.getString("author"))
                .publishedAt(dialect.readInstant(rows, "published_at")).modifiedAt(dialect.readInstant(rows, "modified_at"))
                .language(rows.getString("language")).siteName(rows.getString("site_name")).text(rows.getString("text"))
                .contentHash(rows.getString("content_hash")).duplicateOf(rows.getString("duplicate_of"))
                .similarity(similarity(rows))
                .build();
    }

    private static Double similarity(ResultSet rows) throws SQLException {
        double similarity = rows.getDouble("similarity");
        return rows.wasNull() ? null : similarity;
    }

    private static List<String> evidence(String json) {
        return List.of(Json.read(json.getBytes(StandardCharsets.UTF_8), String[].class));
    }
}
