/**
 * Logging of the {@code newsmon} command line: {@link io.newsmon.app.logging.Logging} switches the
 * format ({@code console} for people, {@code json} for log shippers, one object per line) and the level
 * of the appenders {@code logback.xml} sets up, writing to standard error. The only package that
 * imports logback.
 */
package io.newsmon.app.logging;
