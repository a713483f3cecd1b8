package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
    @Test
    void anInstanceIdNamesTheStagesStaticMemberAndTransactionalId() {
        KafkaSettings settings = new KafkaSettings("127.0.0.1:9092", "newsmon-enrich").withInstanceId("enrich-1");
        assertThat(settings.stageConsumer("newsmon-enrich", Duration.ofSeconds(30)))
                .containsEntry("group.instance.id", "enrich-1").containsEntry("group.id", "newsmon-enrich");
        assertThat(settings.transactionalId("newsmon-enrich")).isEqualTo("newsmon-enrich-enrich-1");
        assertThat(settings.consumer("reader")).as("other consumers are not static members")
                .doesNotContainKey("group.instance.id");
    }

    @Test
    void idleConnectionsOfAStageConsumerOutliveItsLongestBatch() {
        var consumer = new KafkaSettings("127.0.0.1:9092", "a").stageConsumer("g", Duration.ofSeconds(30));
        assertThat((Integer) consumer.get("connections.max.idle.ms"))
                .isGreaterThanOrEqualTo((Integer) consumer.get("max.poll.interval.ms"));
    }

    @Test
    void withoutOneTheInstanceIdIsTheHostNameAndStaysTheSame() {
        String first = new KafkaSettings("127.0.0.1:9092", "a").instanceId();
        assertThat(first).matches("[A-Za-z0-9._-]{1,100}").isEqualTo(KafkaSettings.defaultInstanceId())
                .isEqualTo(new KafkaSettings("127.0.0.1:9092", "b").instanceId());
    }

    @Test
    void anInstanceIdThatCannotNameAGroupMemberIsRefusedSayingWhatItMayHold() {
        assertThatThrownBy(() -> new KafkaSettings("127.0.0.1:9092", "a", "node 1/\u0007"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 1/\\u0007").hasMessageContaining("letters, digits, '.', '_' or '-'");
        assertThatThrownBy(() -> new KafkaSettings("127.0.0.1:9092", "a", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTransactionOutlastsTheBatchTimeAndOneRecordsBudget() {
        assertThat(KafkaSettings.transactionTimeout(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(60));
        assertThat(KafkaSettings.transactionBatchTime(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
        for (Duration budget : new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(45), Duration.ofMinutes(5)}) {
            Duration timeout = KafkaSettings.transactionTimeout(budget);
            Duration batch = KafkaSettings.transactionBatchTime(budget);
            assertThat(batch).isPositive();
            assertThat(batch.plus(budget)).as("a record started last ends before the timeout, budget " + budget)
                    .isLessThan(timeout);
        }
        assertThat(new KafkaSettings("h:1", "a").transactionalProducer("t", Duration.ofMinutes(5)))
                .containsEntry("transaction.timeout.ms", 600_000);
    }
}
