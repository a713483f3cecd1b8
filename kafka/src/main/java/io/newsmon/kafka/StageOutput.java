package io.newsmon.kafka;

import java.util.Collection;

/**
 * What a {@link StageHandler} publishes through: sends to typed topics and dead letters, all part of the
 * batch in hand (acknowledged before its offsets are committed, or in its transaction).
 */
public interface StageOutput {
    /**
     * Sends {@code message} as JSON to {@code topic}, keyed by {@code key}.
     *
     * @throws OversizedRecordException before anything is sent, when the message is too large for a record
     */
    <T> void send(KafkaTopic<T> topic, String key, T message);

    /**
     * Sends {@code message} as JSON to each of {@code topics}, keyed by {@code key}, encoded once.
     *
     * @throws OversizedRecordException before anything is sent, when the message is too large for a record
     */
    <T> void sendToAll(Collection<KafkaTopic<T>> topics, String key, T message);

    /**
     * Sends {@code message} once every other record of the batch is acknowledged; see
     * {@link KafkaStage#sendAfterDelivery}.
     */
    <T> void sendAfterDelivery(KafkaTopic<T> topic, String key, T message);

    /** Sends {@code message}'s record to {@value KafkaTopics#DLQ} because of {@code reason}, with the batch. */
    void deadLetter(Incoming<?> message, String reason);

    /** The processing budget of one record, which a handler runs each record's costly work within. */
    RecordBudget budget();
}
