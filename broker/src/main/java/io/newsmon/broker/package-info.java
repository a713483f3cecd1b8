/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) embedded in the JVM.
 *
 * <p>The all-in-one {@code newsmon run} starts one when no {@code --bootstrap-servers} is given,
 * {@code newsmon broker} runs one as its own process, and the integration tests use one where no
 * Docker engine is available. This is the only module with Kafka's server jars.
 */
package io.newsmon.broker;
