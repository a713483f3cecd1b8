package io.newsmon.kafka;

import java.time.Duration;
import java.util.Collection;
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
public final class TopicAdmin implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Admin admin;
    private final String bootstrapServers;

    public TopicAdmin(KafkaSettings settings) {
        this.admin = Admin.create(settings.admin());
        this.bootstrapServers = settings.bootstrapServers();
    }

    /** Creates each topic that does not exist yet; existing topics are left as they are. */
    public void ensureTopics(Collection<TopicSpec> specs) {
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

    /** The end offset of every partition of {@code topics}. */
    public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        var descriptions = call(admin.describeTopics(topics).allTopicNames(), "describe topics " + topics);
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        descriptions.values().forEach(d -> d.partitions().forEach(
                p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                call(admin.listOffsets(request).all(), "list end offsets of " + topics);
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        offsets.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** The offsets {@code groupId} has committed, by partition. */
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                call(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(), "read offsets of group " + groupId);
        Map<TopicPartition, Long> result = new java.util.HashMap<>();
        committed.forEach((tp, om) -> {
            if (om != null) {
                result.put(tp, om.offset());
            }
        });
        return result;
    }

    /** True when {@code groupId} has committed up to {@code ends} on every partition with records. */
    public boolean caughtUp(String groupId, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> committed = committedOffsets(groupId);
        return ends.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
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
