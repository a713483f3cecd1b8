/**
 * Reading what a feed URL served, without fetching anything. {@link io.newsmon.ingest.feed.FeedParser}
 * tells the format from the content and hands it to one reader per format: RSS and Atom with ROME
 * ({@code RomeFeeds}), JSON Feed with Jackson ({@code JsonFeeds}), sitemaps, news sitemaps and sitemap
 * indexes with crawler-commons ({@code Sitemaps}); each gives {@link io.newsmon.model.FeedEntry} values
 * by the same rules ({@code EntryCollector}), or a {@link io.newsmon.ingest.feed.FeedParse.SitemapIndex}.
 * XML DOCTYPEs are refused everywhere. {@link io.newsmon.ingest.feed.ListingParser} picks the article
 * links out of an HTML listing page (with jsoup and a CSS selector). All give absolute http(s) links,
 * each article once.
 */
package io.newsmon.ingest.feed;
