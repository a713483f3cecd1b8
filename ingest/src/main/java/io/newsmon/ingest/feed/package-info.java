/**
 * Reading what a feed URL served, without fetching anything: {@link io.newsmon.ingest.feed.FeedParser}
 * turns RSS or Atom bytes into {@link io.newsmon.model.FeedEntry} values (with ROME, DOCTYPEs refused),
 * and {@link io.newsmon.ingest.feed.ListingParser} picks the article links out of an HTML listing page
 * (with jsoup and a CSS selector). Both give absolute http(s) links, each article once.
 */
package io.newsmon.ingest.feed;
