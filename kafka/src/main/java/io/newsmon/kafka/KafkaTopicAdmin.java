package io.newsmon.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the pipeline's topics and reads how far consumer groups have got. */
public final class KafkaTopicAdmin implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Admin admin;
    private final String bootstrapServers;

    public KafkaTopicAdmin(KafkaSettings settings) {
        this.admin = Admin.create(settings.admin());
        this.bootstrapServers = settings.bootstrapServers();
    }

    /** Creates each topic that does not exist yet; existing topics are left as they are. */
    public void ensureTopics(Collection<KafkaTopicSpec> specs) {
        Set<String> existing = call(admin.listTopics().names(), "list topics");
        List<NewTopic> missing = specs.stream()
                .filter(spec -> !existing.contains(spec.name()))
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("create topics " + missing.stream().map(NewTopic::name).toList(), e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw failure("create topics", e);
        }
    }

    /** What has been published to {@code topics} so far: a snapshot to wait for with {@link #processed}. */
    public Backlog backlog(Collection<String> topics) {
        var descriptions = call(admin.describeTopics(topics).allTopicNames(), "describe topics " + topics);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        descriptions.values().forEach(d -> d.partitions().forEach(
                p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                call(admin.listOffsets(request).all(), "list end offsets of " + topics);
        Map<TopicPartition, Long> ends = new HashMap<>();
        offsets.forEach((tp, info) -> ends.put(tp, info.offset()));
        return new Backlog(topics.toString(), ends);
    }

    /** How many records of {@code backlog} consumer group {@code groupId} has committed. */
    public long processed(String groupId, Backlog backlog) {
        Map<TopicPartition, OffsetAndMetadata> committed = call(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(), "read offsets of group " + groupId);
        return backlog.ends().entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata done = committed.get(end.getKey());
            return done == null ? 0 : Math.min(done.offset(), end.getValue());
        }).sum();
    }

    /**
     * The records published to some topics up to a moment.
     *
     * @param topics the topics, for messages
     * @param ends   the end offset of each of their partitions at that moment
     */
    public record Backlog(String topics, Map<TopicPartition, Long> ends) {
        public Backlog {
            ends = Map.copyOf(ends);
        }

        /** The number of records. */
        public long total() {
            return ends.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private <T> T call(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw failure(what, e);
        }
    }

    private KafkaUnavailableException failure(String what, Throwable cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String reason = cause instanceof TimeoutException ? "no answer within " + TIMEOUT.toSeconds() + " s" : String.valueOf(cause.getMessage());
        return new KafkaUnavailableException("Kafka at " + bootstrapServers + " could not " + what + ": " + reason
                + "; check that the broker is running and --bootstrap-servers is right", cause);
    }
}
