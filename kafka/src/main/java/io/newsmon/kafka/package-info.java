/**
 * Kafka plumbing shared by the stage services: the Kafka topics, typed by their messages, and their settings
 * ({@link io.newsmon.kafka.KafkaTopics}, {@link io.newsmon.kafka.KafkaTopic}), client settings
 * ({@link io.newsmon.kafka.KafkaSettings}), Kafka topic creation at start-up
 * ({@link io.newsmon.kafka.KafkaTopicAdmin}), the consumer loop that commits offsets only after its handler's
 * side effect ({@link io.newsmon.kafka.PollLoop}), the stage runner over typed Kafka topics
 * ({@link io.newsmon.kafka.TypedStage}), the follower of a compacted Kafka topic
 * ({@link io.newsmon.kafka.KafkaTopicFollower}), the processing budget of one record
 * ({@link io.newsmon.kafka.RecordBudget}) and dead letters ({@link io.newsmon.kafka.DeadLetters}).
 *
 * <p>Values are consumed as bytes and decoded by the runner, so a record that is not valid JSON of its
 * Kafka topic's type becomes a dead letter instead of stalling its partition.
 *
 * <p>Names: "topic" alone, in newsmon, is a news topic that articles are tagged with; a Kafka topic is
 * always called one ({@code KafkaTopic}, {@code KafkaTopics}).
 */
package io.newsmon.kafka;
