package io.newsmon.model;

import java.util.List;

/**
 * A topic an article was tagged with.
 *
 * @param id       the topic id from the topics file, for example {@code export-controls}
 * @param score    how strongly the article matched (higher is stronger; 0 when unscored)
 * @param evidence the matched terms or phrases, each with a short snippet of the text around it
 */
public record TopicTag(String id, double score, List<String> evidence) {
    public TopicTag {
        Checks.require(id, "topic tag id");
        evidence = Checks.copy(evidence);
    }
}
