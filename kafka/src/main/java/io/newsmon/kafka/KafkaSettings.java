package io.newsmon.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How the stages talk to Kafka.
 *
 * @param bootstrapServers the brokers, for example {@code 127.0.0.1:9092}
 * @param clientId         a prefix for client ids, for example {@code newsmon-ingest}
 */
public record KafkaSettings(String bootstrapServers, String clientId) {
    /** The most records one poll hands to a stage. */
    public static final int MAX_POLL_RECORDS = 100;
    /**
     * The most record budgets one record can use in a stage: store may spend one on the batch's write,
     * then one more on the record's own write.
     */
    static final int WORST_RECORD_COST = 2;
    private static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers are missing: give host:port[,host:port...]");
        }
        clientId = clientId == null || clientId.isBlank() ? "newsmon" : clientId;
    }

    /** Producer settings: idempotent, {@code acks=all}, zstd, large records; String keys, byte[] values. */
    public Map<String, Object> producer() {
        Map<String, Object> p = common();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * Topics.MAX_RECORD_BYTES);
        return p;
    }

    /**
     * Transactional producer settings: {@link #producer()} with {@code transactional.id} set to
     * {@code transactionalId}, which must be unique to one producer at a time (a later producer with the
     * same id fences the earlier one and aborts its open transaction).
     */
    public Map<String, Object> transactionalProducer(String transactionalId) {
        Map<String, Object> p = producer();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return p;
    }

    /**
     * Consumer settings for {@code groupId}: manual commits, {@code read_committed}, a 10 s session,
     * byte[] keys and values.
     */
    public Map<String, Object> consumer(String groupId) {
        return consumer(groupId, null);
    }

    /**
     * {@link #consumer(String)} for a stage whose records each take at most {@code recordBudget} (null: no
     * budget): the consumer's {@code max.poll.interval.ms} is then at least {@value #WORST_RECORD_COST} such
     * budgets per record of a full poll, so that a batch of records that all use up their budget ends
     * before the group takes the partitions away (which would hand the same batch over again, for ever).
     */
    public Map<String, Object> consumer(String groupId, Duration recordBudget) {
        Map<String, Object> c = common();
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + groupId);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        if (recordBudget != null) {
            long worstBatch = recordBudget.multipliedBy((long) WORST_RECORD_COST * MAX_POLL_RECORDS + WORST_RECORD_COST)
                    .toMillis();
            c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE,
                    Math.max(DEFAULT_MAX_POLL_INTERVAL.toMillis(), worstBatch)));
        }
        // A member killed without leaving the group holds its partitions until its session times out: 10 s
        // instead of 45 s, so that a restarted stage resumes quickly (heartbeats every 3 s keep it alive).
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_RECORD_BYTES);
        return c;
    }

    /** Admin client settings. */
    public Map<String, Object> admin() {
        Map<String, Object> a = common();
        a.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        return a;
    }

    private Map<String, Object> common() {
        Map<String, Object> m = new HashMap<>();
        m.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return m;
    }
}
