package io.newsmon.kafka;

import io.newsmon.model.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a consuming stage runs on: a {@link PollLoop} over its input topics, one producer for its output
 * and its dead letters, and the count of records it dead-lettered. The stage's handler sends with
 * {@link #send} and {@link #deadLetter}. Two delivery modes:
 * <ul>
 *   <li>{@link Delivery#AT_LEAST_ONCE}: after each batch this class flushes the producer and checks that
 *       the broker acknowledged every send; only then does the loop commit the batch's offsets. When a
 *       send failed, the stage's {@code onAbort} runs and the batch is handed over again, so a record can
 *       be published twice (consumers must be idempotent by key, as store is).</li>
 *   <li>{@link Delivery#EXACTLY_ONCE}: each batch is one Kafka transaction holding every record the
 *       handler sent and the batch's input offsets ({@code sendOffsetsToTransaction}, fenced by the
 *       consumer group's generation). A failure aborts the transaction, runs {@code onAbort} and hands the
 *       batch over again, so {@code read_committed} consumers see each output record exactly once.</li>
 * </ul>
 *
 * <p>No record may stall the stage: the handler runs each record's costly work within the stage's
 * {@link #budget() record budget} and dead-letters a record whose work takes longer or throws; a message
 * too large for a record is refused by {@link #send} before anything is sent
 * ({@link OversizedRecordException}), and a dead letter too large to keep goes without its value.
 *
 * <p>Example: {@code new KafkaStage("enrich", settings, "newsmon-enrich", List.of(KafkaTopics.RAW), clock,
 * Delivery.EXACTLY_ONCE, this::handle, this::abort)}.
 */
public final class KafkaStage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStage.class);

    /** How a stage's output and its input offsets are committed. */
    public enum Delivery {
        /** Output acknowledged, then offsets committed: a retried batch may publish twice. */
        AT_LEAST_ONCE,
        /** Output and offsets in one Kafka transaction. */
        EXACTLY_ONCE
    }

    /** The budget of one record unless one is given: 30 s. */
    public static final Duration DEFAULT_RECORD_BUDGET = Duration.ofSeconds(30);

    private final String stage;
    private final RecordBudget budget;
    private final Runnable onDelivered;
    private final KafkaSettings settings;
    private final Clock clock;
    private final Delivery delivery;
    private final String groupId;
    private final String transactionalId;
    private final long batchNanos;
    private final Supplier<Producer<String, byte[]>> producers;
    private Producer<String, byte[]> producer;
    private DeadLetters deadLetters;
    private boolean transactionsReady;
    private final PollLoop loop;
    private final AtomicLong deadLettered = new AtomicLong();
    private int deadLetteredInBatch;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> afterDelivery = new ArrayList<>();
    private final List<HeldLetter> heldLetters = new ArrayList<>();
    /** How many records of the batch in hand {@link #records} handed out, or -1 when it was not used. */
    private int taken;
    private long batchStart;

    private record HeldLetter(ConsumerRecord<byte[], byte[]> record, String error) {
    }

    /** An at-least-once stage; see {@link #KafkaStage(String, KafkaSettings, String, Collection, Clock, Delivery, PollLoop.BatchHandler, Runnable)}. */
    public KafkaStage(String stage, KafkaSettings settings, String groupId, Collection<String> topics, Clock clock,
                      PollLoop.BatchHandler handler, Runnable onAbort) {
        this(stage, settings, groupId, topics, clock, Delivery.AT_LEAST_ONCE, handler, onAbort);
    }

    /**
     * @param stage    the stage's name in logs and dead letters, for example {@code enrich}
     * @param settings where the broker is
     * @param groupId  the stage's consumer group
     * @param topics   the topics it consumes
     * @param clock    the time source of dead letters
     * @param delivery how output and offsets are committed
     * @param handler  what it does with each batch
     * @param onAbort  what to undo when a batch is not delivered and will be handed over again
     */
    public KafkaStage(String stage, KafkaSettings settings, String groupId, Collection<String> topics, Clock clock,
                      Delivery delivery, PollLoop.BatchHandler handler, Runnable onAbort) {
        this(stage, settings, groupId, topics, clock, delivery, handler, onAbort, () -> { });
    }

    /**
     * As above, with {@code onDelivered}, run after a batch's output was acknowledged (or its transaction
     * committed) and before its offsets are committed: where a stage counts what it delivered, so that its
     * counters never go back.
     */
    public KafkaStage(String stage, KafkaSettings settings, String groupId, Collection<String> topics, Clock clock,
                      Delivery delivery, PollLoop.BatchHandler handler, Runnable onAbort, Runnable onDelivered) {
        this(stage, settings, groupId, topics, clock, delivery, DEFAULT_RECORD_BUDGET, handler, onAbort, onDelivered);
    }

    /**
     * As above, with the {@link #budget() budget} of one record; the consumer gives each batch enough
     * time for all its records to use up theirs.
     */
    public KafkaStage(String stage, KafkaSettings settings, String groupId, Collection<String> topics, Clock clock,
                      Delivery delivery, Duration recordBudget, PollLoop.BatchHandler handler, Runnable onAbort,
                      Runnable onDelivered) {
        this(stage, settings, groupId, topics, clock, delivery, recordBudget, handler, onAbort, onDelivered,
                () -> new KafkaProducer<>(delivery == Delivery.EXACTLY_ONCE ? settings.transactionalProducer(
                        settings.transactionalId(groupId), recordBudget) : settings.producer()),
                () -> new KafkaConsumer<>(settings.stageConsumer(groupId, recordBudget)), PollLoop.FIRST_BACKOFF);
    }

    /**
     * The constructor the others call, and a test seam: a stage whose producers (the first, and each one
     * that replaces a failed one) come from {@code producers} and whose loop polls the consumer
     * {@code consumer} gives (a {@code MockProducer} and a {@code MockConsumer} in unit tests), retrying a
     * failed batch after {@code firstBackoff} first.
     */
    KafkaStage(String stage, KafkaSettings settings, String groupId, Collection<String> topics, Clock clock,
               Delivery delivery, Duration recordBudget, PollLoop.BatchHandler handler, Runnable onAbort,
               Runnable onDelivered, Supplier<Producer<String, byte[]>> producers,
               Supplier<Consumer<byte[], byte[]>> consumer, Duration firstBackoff) {
        this.budget = new RecordBudget(stage, recordBudget);
        this.onDelivered = onDelivered;
        this.stage = stage;
        this.settings = settings;
        this.clock = clock;
        this.delivery = delivery;
        this.groupId = groupId;
        this.batchNanos = KafkaSettings.transactionBatchTime(recordBudget).toNanos();
        this.transactionalId = settings.transactionalId(groupId);
        this.producers = producers;
        this.producer = producers.get();
        this.deadLetters = new DeadLetters(producer, stage, clock);
        this.loop = delivery == Delivery.EXACTLY_ONCE
                ? new PollLoop(stage, consumer.get(), groupId, settings.instanceId(), topics, firstBackoff, null,
                        (records, offsets, group) -> deliverInTransaction(records, offsets, group, handler, onAbort))
                : new PollLoop(stage, consumer.get(), groupId, settings.instanceId(), topics, firstBackoff,
                        records -> deliver(records, handler, onAbort), null);
    }

    private void startBatch() {
        pending.clear();
        afterDelivery.clear();
        heldLetters.clear();
        deadLetteredInBatch = 0;
        taken = -1;
        batchStart = System.nanoTime();
    }

    /** Sends the batch's dead letters, once its handler has returned (so a retried batch sends them once). */
    private void sendHeldLetters() {
        heldLetters.forEach(held -> pending.add(deadLetters.send(held.record(), held.error())));
        deadLetteredInBatch = heldLetters.size();
        heldLetters.clear();
    }

    private void deliver(List<ConsumerRecord<byte[], byte[]>> records, PollLoop.BatchHandler handler,
                         Runnable onAbort) throws Exception {
        startBatch();
        try {
            handler.handle(records);
            sendHeldLetters();
            awaitPending();
            afterDelivery.forEach(record -> pending.add(producer.send(record)));
            awaitPending();
            deadLettered.addAndGet(deadLetteredInBatch);
            onDelivered.run();
        } catch (ExecutionException e) {
            onAbort.run();
            throw new KafkaUnavailableException("a record was not acknowledged by the broker: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (Exception | Error e) {
            onAbort.run();
            throw e;
        }
    }

    private int deliverInTransaction(List<ConsumerRecord<byte[], byte[]>> records, PollLoop.BatchOffsets offsets,
                                     ConsumerGroupMetadata group, PollLoop.BatchHandler handler, Runnable onAbort)
            throws Exception {
        startBatch();
        startTransactions();
        try {
            producer.beginTransaction();
            handler.handle(records);
            int handled = taken < 0 ? records.size() : taken;
            sendHeldLetters();
            afterDelivery.forEach(record -> pending.add(producer.send(record)));
            if (handled > 0) {
                producer.sendOffsetsToTransaction(offsets.upTo(handled), group);
            }
            producer.commitTransaction();
            deadLettered.addAndGet(deadLetteredInBatch);
            onDelivered.run();
            return handled;
        } catch (Exception | Error e) {
            if (isFenced(e)) {
                onAbort.run();
                loop.stop();
                throw new InstanceConflictException(stage, groupId, settings.instanceId(), e);
            }
            try {
                abortTransaction();
            } finally {
                onAbort.run();
            }
            if (e instanceof KafkaException kafka) {
                throw new KafkaUnavailableException(stage + ": the transaction of a batch of " + records.size()
                        + " records was aborted: " + kafka.getMessage(), kafka);
            }
            throw e;
        }
    }

    /** Registers the transactional id with the broker once per producer (fencing an earlier one). */
    private void startTransactions() {
        if (transactionsReady) {
            return;
        }
        try {
            producer.initTransactions();
            transactionsReady = true;
        } catch (KafkaException e) {
            replaceProducer();
            throw new KafkaUnavailableException(stage + ": could not start transactions (transactional id "
                    + transactionalId + "): " + e.getMessage() + "; is the broker reachable?", e);
        }
    }

    /** Whether the broker fenced this instance: another producer or group member took over its id. */
    private static boolean isFenced(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof FencedInstanceIdException) {
                return true;
            }
        }
        return false;
    }

    private void abortTransaction() {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            if (isFenced(e)) {
                // Another process has this instance id: a new producer would fence it in turn, for ever.
                loop.stop();
                throw new InstanceConflictException(stage, groupId, settings.instanceId(), e);
            }
            // The producer cannot go on (timed out, in an error state): a new one with the same
            // transactional id fences it and aborts what it left open.
            LOG.warn("{}: could not abort the transaction ({}); starting a new producer", stage, e.toString());
            replaceProducer();
        }
    }

    private void replaceProducer() {
        try {
            producer.close(Duration.ZERO);
        } catch (KafkaException e) {
            LOG.debug("{}: closing the old producer failed: {}", stage, e.toString());
        }
        producer = producers.get();
        deadLetters = new DeadLetters(producer, stage, clock);
        transactionsReady = false;
    }

    /**
     * Consumes until {@link #stop()} or {@link #close()}; run it on a thread of its own. An
     * {@link Delivery#EXACTLY_ONCE} stage first registers its transactional id, which fences a dead
     * predecessor with the same instance id and aborts the transaction it left open, so that readers of its
     * output go on at once.
     *
     * @throws InstanceConflictException when another process took over this one's instance id
     */
    public void run() {
        if (delivery == Delivery.EXACTLY_ONCE) {
            try {
                startTransactions();
            } catch (KafkaUnavailableException e) {
                LOG.warn("{}; the first batch tries again", e.getMessage());
            }
        }
        loop.run();
    }

    /**
     * The records of {@code batch} for the handler to handle, in order. In an {@link Delivery#EXACTLY_ONCE}
     * stage the iteration ends early when the stage is asked to {@link #stop()} or when the batch has run
     * for {@link KafkaSettings#transactionBatchTime} (15 s at the default record budget): the records
     * handled so far are committed and the others are handed over again, so that a stop waits for one
     * record at most and no transaction outlives its timeout. An at-least-once stage gets every record.
     */
    public Iterable<ConsumerRecord<byte[], byte[]>> records(List<ConsumerRecord<byte[], byte[]>> batch) {
        if (delivery != Delivery.EXACTLY_ONCE) {
            return batch;
        }
        taken = 0;
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (taken >= batch.size() || loop.stopping()) {
                    return false;
                }
                return taken == 0 || System.nanoTime() - batchStart < batchNanos; // one record at least per batch
            }

            @Override
            public ConsumerRecord<byte[], byte[]> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.get(taken++);
            }
        };
    }

    /**
     * Sends {@code message} as JSON to {@code topic}, keyed by {@code key}: acknowledged before the
     * batch's offsets are committed, or, in an {@link Delivery#EXACTLY_ONCE} stage, in the batch's
     * transaction.
     */
    public void send(String topic, String key, Object message) {
        sendToAll(List.of(topic), key, message);
    }

    /**
     * Sends {@code message} as JSON to each of {@code topics}, keyed by {@code key}, encoded once; see
     * {@link #send}.
     *
     * @throws OversizedRecordException before anything is sent, when the message is too large for a record
     */
    public void sendToAll(Collection<String> topics, String key, Object message) {
        byte[] value = Json.write(message);
        for (String topic : topics) {
            OversizedRecordException.requireFits(topic, key, value);
        }
        for (String topic : topics) {
            pending.add(producer.send(new ProducerRecord<>(topic, key, value)));
        }
    }

    /**
     * Sends {@code message} as JSON to {@code topic}, keyed by {@code key}, once every other record of the
     * batch is acknowledged (and before the batch's offsets are committed): for records that say the
     * others were delivered, such as the fingerprint of a published original. In an
     * {@link Delivery#EXACTLY_ONCE} stage it is simply part of the batch's transaction.
     */
    public void sendAfterDelivery(String topic, String key, Object message) {
        byte[] value = Json.write(message);
        OversizedRecordException.requireFits(topic, key, value);
        afterDelivery.add(new ProducerRecord<>(topic, key, value));
    }

    /** The processing budget of one record, which the stage's handler runs each record's work within. */
    public RecordBudget budget() {
        return budget;
    }

    private void awaitPending() throws InterruptedException, ExecutionException {
        producer.flush();
        for (Future<RecordMetadata> send : pending) {
            send.get();
        }
        pending.clear();
    }

    /**
     * Sends {@code record} to the dead-letter topic because of {@code error}, with the batch: once the
     * handler has returned, so that a batch handed over again (the broker or the database was away) sends
     * each letter once.
     */
    public void deadLetter(ConsumerRecord<byte[], byte[]> record, String error) {
        heldLetters.add(new HeldLetter(record, error));
    }

    /** Records sent to {@value KafkaTopics#DLQ} since start, counting only batches that were delivered. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Records of the input topics not yet read by this instance; see {@link PollLoop#lag()}. */
    public long lag() {
        return loop.lag();
    }

    /**
     * Asks the stage to stop, and returns at once: {@link #run()} returns after the batch in hand, which
     * (in an {@link Delivery#EXACTLY_ONCE} stage) ends with the record in hand and commits what was done.
     */
    public void stop() {
        loop.stop();
    }

    /** Stops the loop after the batch in hand, then closes the producer. */
    @Override
    public void close() {
        loop.close();
        budget.close();
        producer.close(Duration.ofSeconds(10));
    }
}
