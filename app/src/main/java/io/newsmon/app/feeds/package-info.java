/**
 * {@code newsmon feeds}: the feeds file and each feed's health. {@link io.newsmon.app.feeds.FeedsImportCommand}
 * adds the feeds of an OPML file to the feeds file; {@link io.newsmon.app.feeds.FeedsStatusCommand} reads the
 * feed states ingest keeps in Kafka and prints a {@link io.newsmon.app.feeds.FeedStatusReport}.
 * {@link io.newsmon.app.feeds.FeedsFileOption} is the {@code --feeds} option, which {@code run} and
 * {@code ingest} use too.
 */
package io.newsmon.app.feeds;
