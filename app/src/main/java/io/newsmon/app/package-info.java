/**
 * The {@code newsmon} command line. {@link io.newsmon.app.Newsmon} is the entry point;
 * {@code run} wires the three stages in one JVM (with an embedded broker and an SQLite file unless told
 * otherwise), {@code ingest}, {@code enrich} and {@code store} run one stage each against a broker, and
 * {@code export} prints stored articles as JSON lines, {@code extract} writes the article text of saved
 * pages to text files, {@code feeds} imports and reports feeds and {@code bench} measures ingest. This
 * module owns logging and the JDBC drivers.
 */
package io.newsmon.app;
