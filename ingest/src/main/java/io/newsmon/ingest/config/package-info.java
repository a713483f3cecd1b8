/**
 * The feeds to poll: {@link io.newsmon.ingest.config.FeedsFile} reads them from a YAML file (or the
 * bundled default list about Huawei and US tech trade policy) into checked
 * {@link io.newsmon.ingest.config.FeedSource} records, so that a typo fails at start-up with a message
 * naming the file, the entry, the value and the rule. {@link io.newsmon.ingest.config.OpmlFile} reads the
 * feeds of a feed reader's OPML export, and {@link io.newsmon.ingest.config.FeedsFile#append} adds feeds
 * to a feeds file as text, keeping its comments. {@link io.newsmon.model.files.BoundedYaml} keeps reading
 * them bounded: only regular files, within a size, line length, token and nesting limit, without aliases.
 */
package io.newsmon.ingest.config;
