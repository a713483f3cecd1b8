/**
 * What the commands of several packages share: the {@code --data-dir} and {@code --bootstrap-servers} options
 * ({@link io.newsmon.app.cli.DataDirOption}, {@link io.newsmon.app.cli.KafkaOptions}),
 * {@link io.newsmon.app.cli.StopOnSignal}, which turns SIGINT and SIGTERM into a clean stop of a long-running
 * command, and {@link io.newsmon.app.cli.Durations} for people.
 */
package io.newsmon.app.cli;
