/**
 * {@code newsmon bench}: the ingest stage measured alone. {@link io.newsmon.app.bench.BenchCommand} starts
 * a {@link io.newsmon.app.bench.SyntheticSite} (RSS feeds and HTML articles, shaped by a
 * {@link io.newsmon.app.bench.SiteShape} and written by {@link io.newsmon.app.bench.SiteContent}) on many
 * loopback addresses in this process, runs the {@link io.newsmon.ingest.Ingester} over it twice
 * ({@link io.newsmon.app.bench.BenchPass}) while a {@link io.newsmon.app.bench.MemorySampler} watches the
 * heap and threads, and prints the figures ({@link io.newsmon.app.bench.BenchReport}). No Kafka is involved.
 */
package io.newsmon.app.bench;
