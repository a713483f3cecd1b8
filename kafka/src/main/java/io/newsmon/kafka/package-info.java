/**
 * Kafka plumbing shared by the stage services: the topics and their settings ({@link io.newsmon.kafka.Topics}),
 * client settings ({@link io.newsmon.kafka.KafkaSettings}), topic creation at start-up
 * ({@link io.newsmon.kafka.TopicAdmin}), the consumer loop that commits offsets only after its handler's
 * side effect ({@link io.newsmon.kafka.PollLoop}), the processing budget of one record
 * ({@link io.newsmon.kafka.RecordBudget}) and dead letters ({@link io.newsmon.kafka.DeadLetters}).
 *
 * <p>Values are consumed as bytes and decoded inside the handlers, so a record that is not valid JSON
 * becomes a dead letter instead of stalling its partition.
 */
package io.newsmon.kafka;
