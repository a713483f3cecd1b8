/**
 * {@code newsmon dlq}: the dead letters in {@code news.dlq}. {@link io.newsmon.app.dlq.DlqListCommand} lists
 * them and {@link io.newsmon.app.dlq.DlqReplayCommand} sends chosen ones back to their topic;
 * {@link io.newsmon.app.dlq.DlqOptions} finds the pipeline's broker and picks the letters of a stage.
 */
package io.newsmon.app.dlq;
