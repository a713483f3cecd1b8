package io.newsmon.store.jdbc;

import java.time.Instant;

/**
 * Which articles {@link ArticleStore#export} streams. Both filters are optional; null means no filter.
 *
 * <pre>{@code
 * ExportQuery.ALL                                                  // every article
 * new ExportQuery("export-controls", null)                         // tagged export-controls
 * new ExportQuery(null, Instant.parse("2024-03-01T00:00:00Z"))     // published (or else fetched) since
 * }</pre>
 *
 * @param topicId only articles tagged with this topic id (all their topics are still returned), or null
 * @param since   only articles whose {@code publishedAt}, or {@code fetchedAt} when that is null, is at or
 *                after this time (compared to the microsecond), or null
 */
public record ExportQuery(String topicId, Instant since) {
    /** No filter: every stored article. */
    public static final ExportQuery ALL = new ExportQuery(null, null);

    public ExportQuery {
        if (topicId != null && topicId.isBlank()) {
            throw new IllegalArgumentException("export topic id \"" + topicId
                    + "\" is blank: give a topic id or null for all topics");
        }
    }
}
