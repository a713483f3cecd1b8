/**
 * {@code newsmon export}: the stored articles as JSON lines on standard output, one
 * {@link io.newsmon.app.export.ExportedArticle} per line.
 */
package io.newsmon.app.export;
