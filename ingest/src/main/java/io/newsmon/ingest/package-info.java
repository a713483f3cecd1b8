/**
 * The ingest stage: polls RSS/Atom feeds and HTML listing pages, and fetches each new article page once.
 *
 * <p>{@link io.newsmon.ingest.Ingester#pollOnce} is the whole stage as a plain call: it reads every
 * {@link io.newsmon.ingest.config.FeedSource} (through {@code fetch} and {@code feed}), canonicalises the
 * entry links ({@code url}) into article ids, skips the ids in {@link io.newsmon.ingest.SeenIds},
 * fetches the new pages politely ({@code politeness}: one request at a time per host) and hands each
 * {@link io.newsmon.model.RawPage} to a {@link io.newsmon.ingest.PageSink}. Failures come back as an
 * {@link io.newsmon.ingest.IngestReport}, never as exceptions. {@code IngestService} wires it to Kafka;
 * nothing else in this module knows about Kafka.
 */
package io.newsmon.ingest;
