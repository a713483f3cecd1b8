/**
 * The messages that flow between the stages, as records, and their JSON codec.
 *
 * <p>{@link io.newsmon.model.RawPage} is what ingest publishes to {@code news.raw};
 * {@link io.newsmon.model.EnrichedArticle} is what enrich publishes to {@code news.enriched},
 * {@code news.topic.<id>} and {@code news.duplicates}, and what store writes; a
 * {@link io.newsmon.model.DeadLetter} carries a record that a stage could not process. Every message
 * carries a {@code schemaVersion}. This module has no Kafka, and no I/O but the reading of the files
 * newsmon is given ({@code io.newsmon.model.files}): {@link io.newsmon.model.Json} turns messages into
 * bytes and back.
 */
package io.newsmon.model;
