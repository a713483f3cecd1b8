package io.newsmon.app.export;

import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.TopicTag;
import java.time.Instant;
import java.util.List;

/**
 * One line of {@code newsmon export}: the article with its topic ids and, in {@code tags}, each topic's
 * score and evidence.
 */
record ExportedArticle(String id, String url, String canonicalUrl, String source, String feedUrl, String title,
                       String author, Instant publishedAt, Instant modifiedAt, Instant fetchedAt, String language,
                       String siteName, String text, List<String> topics, List<TopicTag> tags, String duplicateOf,
                       Double similarity) {
    static ExportedArticle of(EnrichedArticle a) {
        return new ExportedArticle(a.id(), a.url(), a.canonicalUrl(), a.source(), a.feedUrl(), a.title(), a.author(),
                a.publishedAt(), a.modifiedAt(), a.fetchedAt(), a.language(), a.siteName(), a.text(), a.topicIds(),
                a.topics(), a.duplicateOf(), a.similarity());
    }
}
