package io.newsmon.kafka;

import io.newsmon.model.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a consuming stage runs on: a {@link PollLoop} over its input topics, one producer for its output
 * and its dead letters, and the count of records it dead-lettered. The stage's handler sends with
 * {@link #send} and {@link #deadLetter}; this class flushes the producer after each batch, before the
 * loop commits the batch's offsets.
 *
 * <p>Example: {@code new KafkaStage("enrich", settings, "newsmon-enrich", List.of(Topics.RAW), clock, this::handle)}.
 */
public final class KafkaStage implements AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final DeadLetters deadLetters;
    private final PollLoop loop;
    private final AtomicLong deadLettered = new AtomicLong();

    /**
     * @param stage    the stage's name in logs and dead letters, for example {@code enrich}
     * @param settings where the broker is
     * @param groupId  the stage's consumer group
     * @param topics   the topics it consumes
     * @param clock    the time source of dead letters
     * @param handler  what it does with each batch
     */
    public KafkaStage(String stage, KafkaSettings settings, String groupId, Collection<String> topics, Clock clock,
                      PollLoop.BatchHandler handler) {
        this.producer = new KafkaProducer<>(settings.producer());
        this.deadLetters = new DeadLetters(producer, stage, clock);
        this.loop = new PollLoop(stage, settings, groupId, topics, records -> {
            handler.handle(records);
            producer.flush();
        });
    }

    /** Consumes until {@link #close()}; run it on a thread of its own. */
    public void run() {
        loop.run();
    }

    /** Sends {@code message} as JSON to {@code topic}, keyed by {@code key}. */
    public void send(String topic, String key, Object message) {
        producer.send(new ProducerRecord<>(topic, key, Json.write(message)));
    }

    /** Sends {@code record} to the dead-letter topic because of {@code error}. */
    public void deadLetter(ConsumerRecord<byte[], byte[]> record, String error) {
        deadLettered.incrementAndGet();
        deadLetters.send(record, error);
    }

    /** Records sent to {@value Topics#DLQ} since start. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Stops the loop after the batch in hand, then closes the producer. */
    @Override
    public void close() {
        loop.close();
        producer.close(Duration.ofSeconds(10));
    }
}
