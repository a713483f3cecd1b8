/**
 * The enrich stage's Kafka adapter, the only package of this module that uses Kafka.
 *
 * <p>{@link io.newsmon.enrich.kafka.EnrichService} reads {@code news.raw}, hands each page to
 * {@link io.newsmon.enrich.Enricher} and publishes its result in one transaction: fresh articles to
 * {@code news.enriched} and {@code news.topic.<id>}, duplicates to {@code news.duplicates}, rejected pages to
 * the dead-letter topic.
 */
package io.newsmon.enrich.kafka;
