/**
 * The enrich stage: from a fetched page to a tagged, de-duplicated article.
 *
 * <p>Ingest publishes each fetched article page to {@code news.raw} as a {@link io.newsmon.model.RawPage}.
 * The enrich stage turns it into an {@link io.newsmon.model.EnrichedArticle}:
 * <ol>
 *   <li><b>metadata</b> ({@link io.newsmon.enrich.metadata}): title, author, times, language, canonical
 *       URL and site name from JSON-LD, OpenGraph, meta tags and markup, with the feed entry as fallback;</li>
 *   <li><b>text</b> ({@link io.newsmon.enrich.extract}): the article's main text without page chrome, in
 *       paragraphs;</li>
 *   <li><b>topics</b> ({@link io.newsmon.enrich.tag}): the taxonomy's queries, run by Lucene's monitor over
 *       title and text, give {@link io.newsmon.model.TopicTag}s with evidence;</li>
 *   <li><b>duplicates</b> ({@link io.newsmon.enrich.dedup}): a hash of the normalised text tells a new
 *       article from a copy of an earlier one and from a redelivered page.</li>
 * </ol>
 * {@link io.newsmon.enrich.Enricher} does all four as a plain function returning an
 * {@link io.newsmon.enrich.EnrichResult} (fresh, duplicate, already seen, rejected), with no Kafka in sight.
 * {@link io.newsmon.enrich.kafka.EnrichService}, the only class of this module that knows about Kafka, wraps
 * it: it reads {@code news.raw} and publishes fresh articles to
 * {@code news.enriched} and {@code news.topic.<id>}, duplicates to {@code news.duplicates}, and rejected
 * pages to the dead-letter topic.
 */
package io.newsmon.enrich;
