/**
 * JMH benchmarks of the enrich stage over the enrich module's labelled fixture pages:
 * {@link io.newsmon.benchmarks.EnrichBenchmark} (a bare parse against the full enrichment),
 * {@link io.newsmon.benchmarks.TaggingBenchmark} (the default taxonomy against 10,000
 * {@link io.newsmon.benchmarks.StoredQueries generated stored queries}), and
 * {@link io.newsmon.benchmarks.EnrichFigures}, which runs both and prints the ratios we report.
 */
package io.newsmon.benchmarks;
