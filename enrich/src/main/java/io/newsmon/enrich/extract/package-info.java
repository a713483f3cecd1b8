/**
 * Article text extraction.
 *
 * <p>{@link io.newsmon.enrich.extract.TextExtractor} finds the main text of an article page and leaves the
 * page chrome out, with a content-scoring algorithm in the spirit of Mozilla's Readability and trafilatura:
 * boilerplate removal by tag, role and class/id pattern ({@code Boilerplate}), paragraph normalisation of
 * "div soup" ({@code Paragraphs}), scoring of candidate containers by their paragraphs with a link-density
 * penalty ({@code ContentScorer}), a cleaning pass over the chosen content ({@code ContentCleaner}) and
 * rendering as paragraphs separated by blank lines ({@code TextRenderer}). Before any of it,
 * {@link io.newsmon.enrich.extract.TextCensus} tells a page that is not text at all (a binary body sent as
 * {@code text/html}) by the share of its characters that no text holds. The package depends on jsoup only.
 */
package io.newsmon.enrich.extract;
