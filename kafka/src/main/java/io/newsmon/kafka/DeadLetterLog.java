package io.newsmon.kafka;

import io.newsmon.model.DeadLetter;
import io.newsmon.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the dead letters in {@value KafkaTopics#DLQ} and sends chosen ones back to the topic they came from,
 * for {@code newsmon dlq list} and {@code newsmon dlq replay}.
 *
 * <p>Example: {@code DeadLetterLog.read(settings, timeout).stream().filter(l -> l.letter().stage().equals("store"))}.
 */
public final class DeadLetterLog {
    /** How long replay looks for the original record of a letter that holds no value. */
    private static final Duration ORIGINAL_TIMEOUT = Duration.ofSeconds(30);

    private DeadLetterLog() {
    }

    /**
     * A dead letter and where it sits in {@value KafkaTopics#DLQ}.
     *
     * @param partition its partition in the dead-letter topic
     * @param offset    its offset there, which names it for {@link #replay}
     * @param letter    the dead letter, or null when the record is not one (then {@code raw} says why)
     * @param raw       the record's value as text when it could not be read as a dead letter, else null
     */
    public record Entry(int partition, long offset, DeadLetter letter, String raw) {
    }

    /**
     * Every record in {@value KafkaTopics#DLQ}, oldest first per partition (committed ones only), each dead-lettered
     * record once: a letter with the stage and origin (topic, partition, offset) of an earlier one is left
     * out. Stages send a batch's letters once the batch is done, so a repeat is rare (a batch whose letters
     * were acknowledged while another of its records was not is handed over again whole), but replaying one
     * record twice is not.
     *
     * @throws KafkaUnavailableException when the topic cannot be read to its end within {@code timeout}
     */
    public static List<Entry> read(KafkaSettings settings, Duration timeout) {
        List<Entry> entries = new ArrayList<>();
        Set<String> origins = new HashSet<>();
        KafkaTopicFollower.readAllRecords(settings, KafkaTopics.DLQ, record -> {
            Entry entry = entry(record);
            DeadLetter letter = entry.letter();
            if (letter == null || origins.add(letter.stage() + " " + letter.topic() + "-" + letter.partition() + "@"
                    + letter.offset())) {
                entries.add(entry);
            }
        }, timeout);
        return entries;
    }

    private static Entry entry(ConsumerRecord<byte[], byte[]> record) {
        String text = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        try {
            return new Entry(record.partition(), record.offset(), Json.read(record.value(), DeadLetter.class), null);
        } catch (RuntimeException e) {
            return new Entry(record.partition(), record.offset(), null, text);
        }
    }

    /**
     * Sends each letter's value back to its topic with its key, waits until the broker has acknowledged
     * all of them, and returns how many went to each topic. The value goes as the dead letter holds it
     * (UTF-8 text: bytes that were not valid UTF-8 are replaced); a letter whose value was too large to be
     * kept sends the original record's value, read from where the letter says it came from.
     *
     * @throws KafkaUnavailableException also when such an original is no longer in its topic
     */
    public static Map<String, Integer> replay(KafkaSettings settings, Collection<DeadLetter> letters) {
        Map<String, Integer> byTopic = new LinkedHashMap<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.producer())) {
            for (DeadLetter letter : letters) {
                byte[] value = letter.value() != null ? letter.value().getBytes(StandardCharsets.UTF_8)
                        : original(settings, letter);
                sends.add(producer.send(new ProducerRecord<>(letter.topic(), letter.key(), value)));
                byTopic.merge(letter.topic(), 1, Integer::sum);
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("a replayed record was not acknowledged: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while replaying dead letters", e);
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("could not replay dead letters: " + e.getMessage(), e);
        }
        return byTopic;
    }

    /** The value of the record {@code letter} came from, read from its topic, partition and offset. */
    private static byte[] original(KafkaSettings settings, DeadLetter letter) {
        TopicPartition origin = new TopicPartition(letter.topic(), letter.partition());
        Map<String, Object> config = settings.consumer("unused");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(origin));
            consumer.seek(origin, letter.offset());
            long deadline = System.nanoTime() + ORIGINAL_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && consumer.position(origin) <= letter.offset()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == letter.offset()) {
                        return record.value();
                    }
                }
            }
        }
        throw new KafkaUnavailableException("the dead letter of " + origin + "@" + letter.offset() + " holds no value"
                + " and the original record is no longer in " + letter.topic() + " (or the broker did not answer within "
                + ORIGINAL_TIMEOUT.toSeconds() + " s); nothing was replayed", null);
    }
}
