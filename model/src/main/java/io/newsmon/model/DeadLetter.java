package io.newsmon.model;

import java.time.Instant;

/**
 * A record a stage could not process: the value of {@code news.dlq}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version
 * @param topic         the topic the record was read from
 * @param partition     its partition
 * @param offset        its offset
 * @param key           its key as text, or null
 * @param stage         the stage that failed on it: {@code enrich} or {@code store}
 * @param error         what went wrong, naming the value and the rule
 * @param value         the record's value as text (UTF-8, malformed bytes replaced), or null
 * @param failedAt      when the stage gave up on it
 */
public record DeadLetter(int schemaVersion, String topic, int partition, long offset, String key,
                         String stage, String error, String value, Instant failedAt) {
    /** The version of this message's shape. */
    public static final int SCHEMA_VERSION = 1;

    public DeadLetter {
        Checks.require(topic, "dead letter topic");
        Checks.require(stage, "dead letter stage");
        Checks.require(error, "dead letter error");
    }
}
