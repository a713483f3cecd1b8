/**
 * The ingest stage: polls feeds, sitemaps and HTML listing pages when they are due, and fetches each new
 * article page once, politely.
 *
 * <p>{@link io.newsmon.ingest.Ingester} is the whole stage as plain calls: {@code pollOnce} reads every
 * {@link io.newsmon.ingest.config.FeedSource} with a conditional GET ({@code fetch}), parses it
 * ({@code feed}: RSS, Atom, JSON Feed, sitemaps, listing pages), normalises the entry links
 * ({@code url}) into article ids, skips the ids in {@link io.newsmon.ingest.SeenIds}, fetches the new
 * pages through {@code politeness} (robots.txt, per-host delay and concurrency, {@code Retry-After}) and
 * hands each {@link io.newsmon.model.RawPage} to a {@link io.newsmon.ingest.PageSink}. Each feed's next
 * {@link io.newsmon.model.FeedState} comes from {@code schedule} (adaptive interval, backoff with jitter)
 * and is kept in {@link io.newsmon.ingest.schedule.FeedStates}. Failures come back as values
 * ({@link io.newsmon.ingest.FeedPoll}, {@link io.newsmon.ingest.IngestReport}, the feed state's last
 * error), never as exceptions. {@link io.newsmon.ingest.IngestMetrics} counts and times the fetches per
 * feed, {@link io.newsmon.ingest.FeedStatus} calls a feed ok, failing or never polled, and
 * {@link io.newsmon.ingest.FeedHealth} counts them and tells which have gone silent.
 *
 * <p>{@link io.newsmon.ingest.kafka} wires it to Kafka. Nothing else in this module knows about Kafka
 * (ArchitectureTest in app checks it).
 */
package io.newsmon.ingest;
