/**
 * The ingest stage's Kafka adapter, the only package of this module that uses Kafka.
 *
 * <p>{@link io.newsmon.ingest.kafka.IngestService} runs {@link io.newsmon.ingest.Ingester} on a schedule
 * and publishes each fetched page to {@code news.raw}. {@link io.newsmon.ingest.kafka.KafkaSeenIds} keeps the
 * ids already published in a compacted topic, and {@link io.newsmon.ingest.kafka.KafkaFeedStates} keeps each
 * feed's state in another, sharing the feeds between instances through a consumer group.
 */
package io.newsmon.ingest.kafka;
