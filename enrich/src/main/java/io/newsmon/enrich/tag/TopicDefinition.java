package io.newsmon.enrich.tag;

import java.util.regex.Pattern;

/**
 * A topic of the taxonomy: articles matching {@link #query()} are tagged {@link #id()}.
 *
 * <p>Example: {@code new TopicDefinition("legal", "Courts and lawsuits", "+topic:huawei +(court OR lawsuit)")}.
 *
 * @param id    lower-case letters, digits and {@code -}, starting and ending with a letter or digit, at
 *              most 100 characters; it becomes part of the Kafka topic name {@code news.topic.<id>}
 * @param name  a human-readable name
 * @param query a query in Lucene's classic syntax, see {@link TopicTagger}
 */
public record TopicDefinition(String id, String name, String query) {
    /** The rule ids follow. */
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?");

    public TopicDefinition {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id " + quote(id) + " must be 1 to 100 lower-case letters, digits"
                    + " and '-', not starting or ending with '-' (it becomes part of the Kafka topic news.topic.<id>)");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name " + quote(name) + " of topic " + id + " must not be empty");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query " + quote(query) + " of topic " + id + " must not be empty");
        }
    }

    private static String quote(String value) {
        return value == null ? "(missing)" : '"' + value + '"';
    }
}
