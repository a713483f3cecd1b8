/**
 * The {@code newsmon} command line. {@link io.newsmon.app.Newsmon} is the entry point;
 * {@code run} wires the three stages in one JVM (with an embedded broker and an SQLite file unless told
 * otherwise), {@code ingest}, {@code enrich} and {@code store} run one stage each against a broker, and
 * {@code export} prints stored articles as JSON lines, {@code extract} writes the article text of saved
 * pages to text files, {@code feeds} imports and reports feeds and {@code bench} measures ingest. This
 * module owns logging and the JDBC drivers.
 *
 * <p>The options of the commands that read settings declare only their names: their defaults, rules and
 * descriptions are the settings of {@link io.newsmon.app.config.Settings}, which can also come from
 * {@code NEWSMON_*} environment variables or a YAML file ({@code --config}), and are checked before a
 * command starts ({@code newsmon config docs|check}). {@link io.newsmon.app.logging.Logging} applies the
 * log format and level.
 */
package io.newsmon.app;
