package io.newsmon.ingest.archfixture;

import org.apache.kafka.common.TopicPartition;

/** Breaks a boundary on purpose, for ArchitectureTest: a stage's domain class that uses Kafka. */
public final class DomainUsingKafka {
    public String partitionName() {
        return new TopicPartition("news.raw", 0).toString();
    }
}
