/**
 * When each feed is polled: {@link io.newsmon.ingest.schedule.PollSchedule} turns the outcome of a poll
 * into the feed's next {@link io.newsmon.model.FeedState} (adaptive interval, server freshness hints,
 * exponential backoff with jitter), and {@link io.newsmon.ingest.schedule.FeedStates} holds the states.
 */
package io.newsmon.ingest.schedule;
