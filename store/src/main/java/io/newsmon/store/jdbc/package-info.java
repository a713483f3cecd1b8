/**
 * The JDBC layer of the store stage: one set of SQL for PostgreSQL and SQLite.
 *
 * <p>{@link io.newsmon.store.jdbc.ArticleStore} is the entry point: it opens a HikariCP pool on a
 * JDBC URL, applies the Flyway migrations of the URL's {@link io.newsmon.store.jdbc.Dialect} (from
 * {@code db/migration/sqlite} or {@code db/migration/postgresql} on the class path), writes batches of
 * {@link io.newsmon.model.EnrichedArticle} idempotently by article id and streams them back out
 * filtered by an {@link io.newsmon.store.jdbc.ExportQuery}.
 *
 * <p>Schema: table {@code article} (one row per article id, with {@code stored_at}, the time of the
 * first write) and table {@code article_topic} (one row per article and topic, with the score, the
 * evidence as a JSON array of strings and the topic's position in the article's list).
 *
 * <p>Failures are unchecked and sorted for the caller: {@link io.newsmon.store.jdbc.StoreUnavailableException}
 * means "retry later", {@link io.newsmon.store.jdbc.StoreException} means "fix something first". The
 * JDBC drivers are not dependencies of this package's main code: the launcher puts them on the class
 * path.
 */
package io.newsmon.store.jdbc;
