/**
 * Reading the files newsmon is given (the feeds, topics and config files, an OPML export) within limits
 * that keep parsing them well under a second, so that a careless or hostile file is refused quickly with a
 * message naming the file, the line and the rule, rather than holding up start-up.
 *
 * <p>{@link io.newsmon.model.files.BoundedYaml} reads only regular files (a named pipe would block), and
 * checks their type and size before opening them, their line length before parsing them, and their YAML
 * tokens, nesting and aliases as they are parsed. A file beyond a limit before parsing is a
 * {@link io.newsmon.model.files.FileLimitException}, one beyond a limit while parsing a
 * {@link io.newsmon.model.files.BoundedYaml.LimitExceeded}; each reader (ingest's {@code FeedsFile} and
 * {@code OpmlFile}, enrich's {@code TopicsFile}, the command line's {@code ConfigFile}) turns them into
 * its own error with the same message. docs/file-limits.md lists the limits and why.
 */
package io.newsmon.model.files;
