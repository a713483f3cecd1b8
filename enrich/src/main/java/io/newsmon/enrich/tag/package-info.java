/**
 * Topic tagging with Lucene's monitor.
 *
 * <p>A taxonomy is a list of {@link io.newsmon.enrich.tag.TopicDefinition}s (id, name, query), read from
 * YAML by {@link io.newsmon.enrich.tag.TopicsFile} (the default one, about Huawei-related news, is bundled
 * as {@code default-topics.yml}). {@link io.newsmon.enrich.tag.TopicTagger} parses the queries once with
 * Lucene's classic query parser over an English analyser, registers them in a
 * {@link org.apache.lucene.monitor.Monitor}, and matches each article (title, text) against all of them,
 * returning {@link io.newsmon.model.TopicTag}s with a score and evidence snippets from the monitor's
 * highlights. A query may refer to an earlier topic as {@code topic:<id>}; that is how every default topic
 * requires the article to be about Huawei. Invalid files and queries fail fast with a
 * {@link io.newsmon.enrich.tag.TopicsFileException}, and so do files and queries beyond the limits of
 * {@link io.newsmon.model.files.BoundedYaml} (file size, line length, YAML tokens) and
 * {@code TopicQueries} (query length and nesting, wildcard terms, {@code topic:} references), which keep
 * start-up and tagging bounded.
 */
package io.newsmon.enrich.tag;
