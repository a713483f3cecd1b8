package io.newsmon.kafka;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmon.model.MalformedMessageException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consuming stage over typed topics: a {@link KafkaStage} that decodes each record into its topic's
 * message type, dead-letters the records that do not decode (naming the topic, the type and what is
 * wrong), registers the stage's lag gauge ({@value #LAG}) and dead-letter counter ({@link #deadLetters}),
 * and hands the rest to a {@link StageHandler} with their origin.
 * The handler's batch result is a value the runner hands back when the batch is delivered or aborted.
 *
 * <p>Example: {@code new TypedStage<>("store", settings, GROUP, List.of(KafkaTopics.ENRICHED_ARTICLES,
 * KafkaTopics.DUPLICATE_ARTICLES), clock, Delivery.AT_LEAST_ONCE, budget, meters, handler)}.
 *
 * @param <V> the message type of the input topics
 * @param <B> the handler's result of one batch
 */
public final class TypedStage<V, B> implements AutoCloseable {
    /** The gauge of records of the input topics not yet read, tagged {@code stage}. */
    public static final String LAG = "newsmon.consumer.lag";

    /** The counter of records a stage sent to {@value KafkaTopics#DLQ}: {@code newsmon.<stage>.dead.letters}. */
    public static String deadLetters(String stage) {
        return "newsmon." + stage + ".dead.letters";
    }

    private final Map<String, KafkaTopic<V>> inputs = new LinkedHashMap<>();
    private final StageHandler<V, B> handler;
    private final KafkaStage stage;
    private final StageOutput output;
    private B batch;

    /**
     * @param stage        the stage's name in logs, dead letters and the lag gauge, for example {@code enrich}
     * @param settings     where the broker is
     * @param groupId      the stage's consumer group
     * @param inputs       the topics it consumes, all of message type {@code V}
     * @param clock        the time source of dead letters
     * @param delivery     how output and offsets are committed
     * @param recordBudget the longest one record's work may take
     * @param meters       where the lag gauge is registered
     * @param handler      what the stage does with each batch
     */
    public TypedStage(String stage, KafkaSettings settings, String groupId, Collection<KafkaTopic<V>> inputs, Clock clock,
                      KafkaStage.Delivery delivery, Duration recordBudget, MeterRegistry meters,
                      StageHandler<V, B> handler) {
        inputs.forEach(topic -> this.inputs.put(topic.name(), topic));
        this.handler = handler;
        this.stage = new KafkaStage(stage, settings, groupId, List.copyOf(this.inputs.keySet()), clock, delivery,
                recordBudget, this::handle, this::aborted, this::delivered);
        this.output = new Output(this.stage);
        Gauge.builder(LAG, this.stage, KafkaStage::lag).tag("stage", stage)
                .description("records of the input topics not yet read by this instance").register(meters);
        FunctionCounter.builder(deadLetters(stage), this.stage, KafkaStage::deadLettered)
                .description("records " + stage + " sent to " + KafkaTopics.DLQ).register(meters);
    }

    private void handle(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        batch = handler.newBatch();
        handler.handle(decoded(stage.records(records)), batch, output);
    }

    /** Hands the batch in hand back as aborted, once; nothing if it was delivered or never started. */
    private void aborted() {
        B aborted = batch;
        batch = null;
        if (aborted != null) {
            handler.aborted(aborted);
        }
    }

    private void delivered() {
        B delivered = batch;
        batch = null;
        handler.delivered(delivered);
    }

    /** The records as messages, in order; a record that does not decode is dead-lettered on the way. */
    private Iterable<Incoming<V>> decoded(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        return () -> new Iterator<>() {
            private final Iterator<ConsumerRecord<byte[], byte[]>> raw = records.iterator();
            private Incoming<V> next;

            @Override
            public boolean hasNext() {
                while (next == null && raw.hasNext()) {
                    next = decode(raw.next());
                }
                return next != null;
            }

            @Override
            public Incoming<V> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Incoming<V> message = next;
                next = null;
                return message;
            }
        };
    }

    private Incoming<V> decode(ConsumerRecord<byte[], byte[]> record) {
        KafkaTopic<V> topic = inputs.get(record.topic());
        try {
            return new Incoming<>(topic.decode(record.value()), record);
        } catch (MalformedMessageException e) {
            stage.deadLetter(record, e.getMessage());
            return null;
        }
    }

    /** Consumes until {@link #stop()} or {@link #close()}; see {@link KafkaStage#run()}. */
    public void run() {
        stage.run();
    }

    /** Records sent to {@value KafkaTopics#DLQ} since start, counting only batches that were delivered. */
    public long deadLettered() {
        return stage.deadLettered();
    }

    /** Records of the input topics not yet read by this instance. */
    public long lag() {
        return stage.lag();
    }

    /** Asks the stage to stop after the work in hand; see {@link KafkaStage#stop()}. */
    public void stop() {
        stage.stop();
    }

    @Override
    public void close() {
        stage.close();
    }

    /** The handler's view of the stage: typed sends and dead letters. */
    private record Output(KafkaStage stage) implements StageOutput {
        @Override
        public <T> void send(KafkaTopic<T> topic, String key, T message) {
            stage.send(topic.name(), key, message);
        }

        @Override
        public <T> void sendToAll(Collection<KafkaTopic<T>> topics, String key, T message) {
            stage.sendToAll(topics.stream().map(KafkaTopic::name).toList(), key, message);
        }

        @Override
        public <T> void sendAfterDelivery(KafkaTopic<T> topic, String key, T message) {
            stage.sendAfterDelivery(topic.name(), key, message);
        }

        @Override
        public void deadLetter(Incoming<?> message, String reason) {
            stage.deadLetter(message.record(), reason);
        }

        @Override
        public RecordBudget budget() {
            return stage.budget();
        }
    }
}
