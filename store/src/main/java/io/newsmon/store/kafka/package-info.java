/**
 * The store stage's Kafka adapter, the only package of this module that uses Kafka.
 *
 * <p>{@link io.newsmon.store.kafka.StoreService} reads {@code news.enriched} in batches, writes each batch
 * through {@link io.newsmon.store.jdbc.ArticleStore} (idempotent by article id) and commits the offsets
 * after the write.
 */
package io.newsmon.store.kafka;
