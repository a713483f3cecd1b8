/**
 * Normal article URLs, newsmon's own form of a URL (not the canonical URL a page declares):
 * {@link io.newsmon.model.url.UrlNormalizer} turns the many spellings of one article's URL (tracking parameters, fragments, default ports, case, percent-encoding, {@code www.} and
 * mobile hosts, AMP variants, a trailing slash) into one normal string, from which
 * {@link io.newsmon.model.ArticleId} derives the article id.
 *
 * <p>It lives in the model module because every stage that names an article by its URL must agree on
 * the normal form: ingest normalises feed links, enrich the page's own
 * {@code <link rel="canonical">}. {@link io.newsmon.model.url.PercentEncoding} normalises one URL
 * component, and {@link io.newsmon.model.url.HttpUrls} tells an http(s) URL, the only kind newsmon fetches.
 * No I/O: the URL is never fetched.
 */
package io.newsmon.model.url;
