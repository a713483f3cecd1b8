package io.newsmon.kafka;

import io.newsmon.model.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What a consuming stage runs on: a {@link PollLoop} over its input topics, one producer for its output
 * and its dead letters, and the count of records it dead-lettered. The stage's handler sends with
 * {@link #send} and {@link #deadLetter}; after each batch this class flushes the producer and checks that
 * the broker acknowledged every send. Only then does the loop commit the batch's offsets; when a send
 * failed, the stage's {@code onAbort} runs and the batch is handed over again.
 *
 * <p>Example: {@code new KafkaStage("enrich", settings, "newsmon-enrich", List.of(Topics.RAW), clock, this::handle, this::abort)}.
 */
public final class KafkaStage implements AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final DeadLetters deadLetters;
    private final PollLoop loop;
    private final AtomicLong deadLettered = new AtomicLong();
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> afterDelivery = new ArrayList<>();

    /**
     * @param stage    the stage's name in logs and dead letters, for example {@code enrich}
     * @param settings where the broker is
     * @param groupId  the stage's consumer group
     * @param topics   the topics it consumes
     * @param clock    the time source of dead letters
     * @param handler  what it does with each batch
     * @param onAbort  what to undo when a batch is not delivered and will be handed over again
     */
    public KafkaStage(String stage, KafkaSettings settings, String groupId, Collection<String> topics, Clock clock,
                      PollLoop.BatchHandler handler, Runnable onAbort) {
        this.producer = new KafkaProducer<>(settings.producer());
        this.deadLetters = new DeadLetters(producer, stage, clock);
        this.loop = new PollLoop(stage, settings, groupId, topics, records -> deliver(records, handler, onAbort));
    }

    private void deliver(List<ConsumerRecord<byte[], byte[]>> records, PollLoop.BatchHandler handler,
                         Runnable onAbort) throws Exception {
        pending.clear();
        afterDelivery.clear();
        try {
            handler.handle(records);
            awaitPending();
            afterDelivery.forEach(record -> pending.add(producer.send(record)));
            awaitPending();
        } catch (ExecutionException e) {
            onAbort.run();
            throw new KafkaUnavailableException("a record was not acknowledged by the broker: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (Exception | Error e) {
            onAbort.run();
            throw e;
        }
    }

    /** Consumes until {@link #close()}; run it on a thread of its own. */
    public void run() {
        loop.run();
    }

    /** Sends {@code message} as JSON to {@code topic}, keyed by {@code key}; checked after the batch. */
    public void send(String topic, String key, Object message) {
        pending.add(producer.send(new ProducerRecord<>(topic, key, Json.write(message))));
    }

    /**
     * Sends {@code message} as JSON to {@code topic}, keyed by {@code key}, once every other record of the
     * batch is acknowledged (and before the batch's offsets are committed): for records that say the
     * others were delivered, such as the fingerprint of a published original.
     */
    public void sendAfterDelivery(String topic, String key, Object message) {
        afterDelivery.add(new ProducerRecord<>(topic, key, Json.write(message)));
    }

    private void awaitPending() throws InterruptedException, ExecutionException {
        producer.flush();
        for (Future<RecordMetadata> send : pending) {
            send.get();
        }
        pending.clear();
    }

    /** Sends {@code record} to the dead-letter topic because of {@code error}; checked after the batch. */
    public void deadLetter(ConsumerRecord<byte[], byte[]> record, String error) {
        deadLettered.incrementAndGet();
        pending.add(deadLetters.send(record, error));
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
