package io.newsmon.kafka;

import io.newsmon.model.text.Printable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How the stages talk to Kafka.
 *
 * <p><b>Instance id.</b> One process of a stage is one instance, named by {@code instanceId} (the setting
 * {@code instance-id}; by default this host's name). It stays the same across restarts of the instance, and
 * two instances of one stage running at the same time must have different ones. It is the stage's
 * {@code group.instance.id} (static membership: a restarted instance gets its partitions back at once,
 * instead of after the dead one's session timeout) and part of its {@code transactional.id} (a restarted
 * instance fences its dead predecessor and aborts the transaction it left open at once, instead of after
 * the {@link #transactionTimeout transaction timeout}). A second process that starts with an instance id
 * already in use takes over, and the first one stops, saying so.
 *
 * @param bootstrapServers the brokers, for example {@code 127.0.0.1:9092}
 * @param clientId         a prefix for client ids, for example {@code newsmon-ingest}
 * @param instanceId       this process's name within each stage's group, stable across its restarts
 */
public record KafkaSettings(String bootstrapServers, String clientId, String instanceId) {
    /** The most records one poll hands to a stage. */
    public static final int MAX_POLL_RECORDS = 100;
    /**
     * The most record budgets one record can use in a stage: store may spend one on the batch's write,
     * then one more on the record's own write.
     */
    static final int WORST_RECORD_COST = 2;
    private static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);
    private static final int DEFAULT_CONNECTIONS_MAX_IDLE_MS = 540_000;
    /**
     * The shortest a transaction may stay open before the broker aborts it: 60 s. The timeout matters only
     * when an instance dies inside a transaction and never comes back under its instance id (a scale-down,
     * a container recreated with a new host name): readers of its output then see nothing new for up to
     * this long. See {@link #transactionTimeout(Duration)}.
     */
    public static final Duration MIN_TRANSACTION_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers are missing: give host:port[,host:port...]");
        }
        clientId = clientId == null || clientId.isBlank() ? "newsmon" : clientId;
        instanceId = instanceId == null ? defaultInstanceId() : instanceId;
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("instance id \"" + Printable.escape(instanceId) + "\" is not usable:"
                    + " it must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
    }

    /** Settings with the {@link #defaultInstanceId() default instance id}. */
    public KafkaSettings(String bootstrapServers, String clientId) {
        this(bootstrapServers, clientId, null);
    }

    /** These settings for the instance named {@code instanceId} (null: the default). */
    public KafkaSettings withInstanceId(String instanceId) {
        return new KafkaSettings(bootstrapServers, clientId, instanceId);
    }

    /**
     * The instance id of a process that was given none: this host's name, which is unique per host and
     * stays the same across restarts (in a container, its host name, which is the container's id unless
     * set), reduced to the characters an instance id may hold; {@code local} when the host has no name.
     */
    public static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | SecurityException e) {
                host = null;
            }
        }
        String cleaned = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "-");
        cleaned = cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
        return cleaned.isEmpty() ? "local" : cleaned;
    }

    /** The transactional id of this instance in the stage of consumer group {@code groupId}. */
    public String transactionalId(String groupId) {
        return groupId + "-" + instanceId;
    }

    /**
     * The transaction timeout of a stage whose records each take at most {@code recordBudget}: twice the
     * budget, and at least {@link #MIN_TRANSACTION_TIMEOUT} (60 s at the default budget of 30 s).
     */
    public static Duration transactionTimeout(Duration recordBudget) {
        Duration twice = recordBudget.multipliedBy(2);
        return twice.compareTo(MIN_TRANSACTION_TIMEOUT) > 0 ? twice : MIN_TRANSACTION_TIMEOUT;
    }

    /**
     * How long after its start a transactional batch may still start a record (15 s at the default budget):
     * half of what the {@link #transactionTimeout transaction timeout} leaves after one record's budget, so
     * that the record started last and the commit end well before the broker would abort the transaction.
     */
    public static Duration transactionBatchTime(Duration recordBudget) {
        return transactionTimeout(recordBudget).minus(recordBudget).dividedBy(2);
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
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaTopics.MAX_RECORD_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * KafkaTopics.MAX_RECORD_BYTES);
        return p;
    }

    /**
     * Transactional producer settings: {@link #producer()} with {@code transactional.id} set to
     * {@code transactionalId}, which must be unique to one producer at a time (a later producer with the
     * same id fences the earlier one and aborts its open transaction), and the
     * {@link #transactionTimeout transaction timeout} of records that take at most {@code recordBudget}.
     */
    public Map<String, Object> transactionalProducer(String transactionalId, Duration recordBudget) {
        Map<String, Object> p = producer();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.min(Integer.MAX_VALUE,
                transactionTimeout(recordBudget).toMillis()));
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
            int maxPollInterval = (int) Math.min(Integer.MAX_VALUE, Math.max(DEFAULT_MAX_POLL_INTERVAL.toMillis(),
                    worstBatch));
            c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, maxPollInterval);
            // The client warns, and a rejoin can be disrupted, when idle connections close sooner than that.
            c.put(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, Math.max(DEFAULT_CONNECTIONS_MAX_IDLE_MS, maxPollInterval));
        }
        // A member killed without leaving the group holds its partitions until its session times out: 10 s
        // instead of 45 s, so that a restarted stage resumes quickly (heartbeats every 3 s keep it alive).
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaTopics.MAX_RECORD_BYTES);
        return c;
    }

    /**
     * {@link #consumer(String, Duration)} for this instance of a stage: a static member of {@code groupId}
     * ({@code group.instance.id} is the {@link #instanceId()}), so that a restarted instance gets its
     * partitions back without waiting for its dead predecessor's session to time out.
     */
    public Map<String, Object> stageConsumer(String groupId, Duration recordBudget) {
        Map<String, Object> c = consumer(groupId, recordBudget);
        c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
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
