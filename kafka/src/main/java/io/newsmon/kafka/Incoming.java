package io.newsmon.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A message a {@link TypedStage} consumed, decoded, with where it came from.
 *
 * @param <V> the message type of its topic
 */
public final class Incoming<V> {
    private final V value;
    private final ConsumerRecord<byte[], byte[]> record;

    Incoming(V value, ConsumerRecord<byte[], byte[]> record) {
        this.value = value;
        this.record = record;
    }

    /** The decoded message. */
    public V value() {
        return value;
    }

    /** The record's key, or null. */
    public String key() {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** Where the message came from, as {@code topic-partition@offset}: for logs and reasons. */
    public String origin() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The record as read, for a dead letter that keeps its value. */
    ConsumerRecord<byte[], byte[]> record() {
        return record;
    }

    @Override
    public String toString() {
        return origin() + " " + value;
    }
}
