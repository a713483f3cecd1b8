package io.newsmon.kafka;

import io.newsmon.model.DeadLetter;
import io.newsmon.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the records a stage cannot process to {@value KafkaTopics#DLQ}, with their origin and the error. */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private final Producer<String, byte[]> producer;
    private final String stage;
    private final Clock clock;

    /**
     * @param producer the stage's producer (the caller flushes it before committing offsets)
     * @param stage    the stage's name, for example {@code enrich}
     * @param clock    the time source of {@code failedAt}
     */
    public DeadLetters(Producer<String, byte[]> producer, String stage, Clock clock) {
        this.producer = producer;
        this.stage = stage;
        this.clock = clock;
    }

    /** Dead-letters {@code record} because of {@code error} (which names the value and the rule). */
    public Future<RecordMetadata> send(ConsumerRecord<byte[], byte[]> record, String error) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, record.topic(), record.partition(),
                record.offset(), key, stage, error, value, clock.instant());
        byte[] json = Json.write(letter);
        if (json.length > KafkaTopics.MAX_VALUE_BYTES) {
            // A letter that cannot be sent would fail its batch for ever: it goes without the value.
            letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, record.topic(), record.partition(), record.offset(),
                    key, stage, error + "; the record's value (" + record.value().length + " bytes) is too large to be"
                    + " kept in " + KafkaTopics.DLQ + ": it stays in " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " for as long as that topic keeps it", null, clock.instant());
            json = Json.write(letter);
        }
        LOG.warn("{}: record {}-{}@{} (key {}) sent to {}: {}", stage, record.topic(), record.partition(),
                record.offset(), key, KafkaTopics.DLQ, letter.error());
        return producer.send(new ProducerRecord<>(KafkaTopics.DLQ, key, json));
    }
}
