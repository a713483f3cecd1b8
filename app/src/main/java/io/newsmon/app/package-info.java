/**
 * The {@code newsmon} command line. {@link io.newsmon.app.Newsmon} is the entry point: it registers the
 * commands, each in a package of its own:
 * <ul>
 *   <li>{@code pipeline}: {@code run} wires the three stages in one JVM (with an embedded broker and an SQLite
 *       file unless told otherwise), {@code ingest}, {@code enrich} and {@code store} run one stage each
 *       against a broker; {@code Stages} builds the stage services;
 *   <li>{@code broker}: {@code broker} runs the embedded broker alone, and the commands that read the
 *       pipeline's topics find its broker there;
 *   <li>{@code feeds}: {@code feeds import} and {@code feeds status};
 *   <li>{@code dlq}: {@code dlq list} and {@code dlq replay};
 *   <li>{@code export}: stored articles as JSON lines;
 *   <li>{@code extract}: the article text of saved pages to text files;
 *   <li>{@code bench}: ingest, and the pipeline's freshness, measured against synthetic sites;
 *   <li>{@code config}: the settings catalogue and {@code config docs|check};
 *   <li>{@code cli}: the options and helpers these commands share; {@code logging} and {@code ops}
 *       ({@code /metrics}, {@code /health}) serve them all.
 * </ul>
 * This module owns logging and the JDBC drivers.
 *
 * <p>The options of the commands that read settings declare only their names: their defaults, rules and
 * descriptions are the settings of {@link io.newsmon.app.config.Settings}, which can also come from
 * {@code NEWSMON_*} environment variables or a YAML file ({@code --config}), and are checked before a
 * command starts ({@code newsmon config docs|check}). {@link io.newsmon.app.logging.Logging} applies the
 * log format and level.
 */
package io.newsmon.app;
