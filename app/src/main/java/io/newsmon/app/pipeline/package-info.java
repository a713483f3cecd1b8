/**
 * The pipeline's commands: {@code run} ({@link io.newsmon.app.pipeline.RunCommand}) wires ingest, enrich and
 * store in one JVM, with an embedded broker and an SQLite file unless told otherwise, and with {@code --once}
 * waits until they have processed everything ({@link io.newsmon.app.pipeline.Drain}) and prints a
 * {@link io.newsmon.app.pipeline.Summary}; {@code ingest}, {@code enrich} and {@code store} run one stage each
 * against a broker. {@link io.newsmon.app.pipeline.Stages} builds the stage services from checked settings, the
 * one place that does, also for {@code bench freshness}; the options these commands share
 * ({@link io.newsmon.app.pipeline.SourceOptions}, {@link io.newsmon.app.pipeline.TopicOptions},
 * {@link io.newsmon.app.pipeline.InstanceOptions}, {@link io.newsmon.app.pipeline.MetricsOptions}) carry those
 * settings.
 */
package io.newsmon.app.pipeline;
