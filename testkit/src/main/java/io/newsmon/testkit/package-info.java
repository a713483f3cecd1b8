/**
 * Real infrastructure for integration tests: {@link io.newsmon.testkit.TestKafka} gives a Kafka broker
 * and {@link io.newsmon.testkit.TestPostgres} a PostgreSQL database, from Testcontainers where a Docker
 * engine exists and otherwise from the embedded KRaft broker and the local PostgreSQL server. Nothing
 * here is mocked.
 */
package io.newsmon.testkit;
