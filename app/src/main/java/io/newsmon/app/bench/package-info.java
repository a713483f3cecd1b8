/**
 * {@code newsmon bench}: the ingest stage measured alone. {@link io.newsmon.app.bench.BenchCommand} starts
 * a {@link io.newsmon.app.bench.SyntheticSite} (RSS feeds and HTML articles, shaped by a
 * {@link io.newsmon.app.bench.SiteShape} and written by {@link io.newsmon.app.bench.SiteContent}) on many
 * loopback addresses in this process, runs the {@link io.newsmon.ingest.Ingester} over it twice
 * ({@link io.newsmon.app.bench.BenchPass}) while a {@link io.newsmon.app.bench.MemorySampler} watches the
 * heap and threads, and prints the figures ({@link io.newsmon.app.bench.BenchReport}). No Kafka is involved.
 *
 * <p>{@code newsmon bench freshness} ({@link io.newsmon.app.bench.FreshnessCommand}) runs the three stages, as
 * {@link io.newsmon.app.pipeline.Stages} builds them for {@code newsmon run}, on an embedded broker against a
 * {@link io.newsmon.app.bench.GrowingSite}, and reports how long an article takes from the poll that reads it
 * to its row. The synthetic sites live here only: nothing in the production wiring uses this package.
 */
package io.newsmon.app.bench;
