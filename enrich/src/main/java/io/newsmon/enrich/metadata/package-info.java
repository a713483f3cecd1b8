/**
 * Page metadata: what a page says about itself.
 *
 * <p>{@link io.newsmon.enrich.metadata.MetadataExtractor} reads a parsed page's JSON-LD, OpenGraph and
 * article meta tags, {@code <time>} elements and {@code <title>}, and falls back on the feed entry, to give
 * a {@link io.newsmon.enrich.metadata.PageMetadata}: title, author, publication and modification times in
 * UTC, BCP 47 language tag, canonical URL and site name. Its Javadoc lists the order of preference. Times
 * in unknown formats and JSON-LD blocks that are not valid JSON are ignored rather than failing the page.
 */
package io.newsmon.enrich.metadata;
