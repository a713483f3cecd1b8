/**
 * URL handling for ingest: {@link io.newsmon.model.url.UrlNormalizer} turns the many spellings of
 * one article's URL (tracking parameters, fragments, default ports, case, percent-encoding) into one
 * canonical string, from which {@link io.newsmon.model.ArticleId} derives the article id, and
 * {@link io.newsmon.ingest.url.UrlResolver} resolves the relative links found in feeds.
 */
package io.newsmon.ingest.url;
