package io.newsmon.kafka;

import java.util.Map;

/**
 * A topic to create at start-up.
 *
 * @param name       the topic name, for example {@code news.raw}
 * @param partitions the number of partitions
 * @param configs    topic-level settings such as {@code max.message.bytes}
 */
public record KafkaTopicSpec(String name, int partitions, Map<String, String> configs) {
    public KafkaTopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name is missing");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Invalid value " + partitions + " for partitions of topic " + name
                    + ": must be at least 1");
        }
        configs = Map.copyOf(configs);
    }
}
