package io.newsmon.kafka;

import io.newsmon.model.Json;
import io.newsmon.model.MalformedMessageException;
import java.util.Objects;

/**
 * A Kafka topic and the type of message its records hold, as JSON: {@link KafkaTopics#RAW_PAGES} holds
 * {@link io.newsmon.model.RawPage}s. (A Kafka topic, not one of the news topics articles are tagged with.) A stage that consumes a topic gets its messages decoded
 * ({@link TypedStage}); a stage that produces to one can only send it that type
 * ({@link StageOutput#send}).
 *
 * @param name the topic's name, for example {@code news.raw}
 * @param type the message type of its values
 * @param <V>  the message type
 */
public record KafkaTopic<V>(String name, Class<V> type) {
    public KafkaTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The message in {@code value}.
     *
     * @throws MalformedMessageException when it is not JSON of this topic's type; the message names the
     *                                   type and what is wrong
     */
    public V decode(byte[] value) {
        return Json.read(value, type);
    }

    /** {@code message} as the JSON bytes of a record value. */
    public byte[] encode(V message) {
        return Json.write(message);
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ")";
    }
}
