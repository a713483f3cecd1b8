/**
 * The feeds to poll: {@link io.newsmon.ingest.config.FeedsFile} reads them from a YAML file (or the
 * bundled default list about Huawei and US tech trade policy) into checked
 * {@link io.newsmon.ingest.config.FeedSource} records, so that a typo fails at start-up with a message
 * naming the file, the entry, the value and the rule.
 */
package io.newsmon.ingest.config;
