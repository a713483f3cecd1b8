package io.newsmon.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.newsmon.model.EnrichedArticle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Enriched articles in a SQL database, PostgreSQL or SQLite, through one JDBC layer.
 *
 * <p>{@link #open} starts a small connection pool (SQLite: 1 connection, WAL journal, 5 s busy
 * timeout; PostgreSQL: 4 connections) and applies the Flyway migrations of the {@link Dialect}, so
 * opening an existing database again is safe. Writes are idempotent by article id: an article whose id
 * is stored already is left as it is, topics included, so a batch may be written again after a failure
 * or a redelivery. Instances are thread-safe; with SQLite the calls run one at a time.
 *
 * <pre>{@code
 * try (ArticleStore store = ArticleStore.open(ArticleStore.defaultSqliteUrl(Path.of(".")))) {
 *     WriteResult result = store.upsert(batch);
 *     store.export(new ExportQuery("export-controls", null), article -> System.out.println(article.title()));
 * }
 * }</pre>
 *
 * <p>Failures are unchecked: {@link StoreUnavailableException} when the database was unreachable or
 * busy (the work was rolled back; retry it), {@link StoreTimeoutException} when a write ran past the
 * write timeout (rolled back too), {@link StoreException} otherwise. Messages name the JDBC
 * URL with any password masked.
 */
public final class ArticleStore implements AutoCloseable {
    /** Rows fetched per round trip when exporting. */
    static final int EXPORT_FETCH_SIZE = 500;

    private final String maskedUrl;
    private final Dialect dialect;
    private final StoreOptions options;
    private final HikariDataSource pool;

    private ArticleStore(String maskedUrl, Dialect dialect, StoreOptions options, HikariDataSource pool) {
        this.maskedUrl = maskedUrl;
        this.dialect = dialect;
        this.options = options;
        this.pool = pool;
    }

    /** {@link #open(String, StoreOptions)} with {@link StoreOptions#DEFAULTS}. */
    public static ArticleStore open(String jdbcUrl) {
        return open(jdbcUrl, StoreOptions.DEFAULTS);
    }

    /**
     * Connects to {@code jdbcUrl} and migrates its schema. For a SQLite file the parent directories
     * are created. The JDBC driver must be on the class path.
     *
     * @param jdbcUrl {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db?user=..&password=..}
     * @throws IllegalArgumentException   when the URL is of no supported {@link Dialect}
     * @throws StoreUnavailableException  when the server cannot be reached
     * @throws StoreException             when the driver is missing, the login or a migration fails
     */
    public static ArticleStore open(String jdbcUrl, StoreOptions options) {
        Dialect dialect = Dialect.of(jdbcUrl);
        Objects.requireNonNull(options, "store options");
        HikariDataSource pool = Databases.open(jdbcUrl, dialect, options);
        return new ArticleStore(JdbcUrls.mask(jdbcUrl), dialect, options, pool);
    }

    /**
     * Connects to {@code jdbcUrl} to read it, as {@code newsmon export} does: nothing is created or
     * migrated. A SQLite file must exist, and is opened read-only, so that a database its user may not write
     * (a backup, another user's data) can be read. A schema older than this version's is refused with what
     * to do, since bringing it up to date would write.
     *
     * @throws StoreException naming the file when it does not exist, or the schema when it is out of date
     */
    public static ArticleStore openForReading(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariDataSource pool = Databases.openForReading(jdbcUrl, dialect, StoreOptions.DEFAULTS);
        return new ArticleStore(JdbcUrls.mask(jdbcUrl), dialect, StoreOptions.DEFAULTS, pool);
    }

    /** The default database, {@code jdbc:sqlite:<workingDir>/newsmon-data/newsmon.db}. */
    public static String defaultSqliteUrl(Path workingDir) {
        return Dialect.SQLITE.urlPrefix() + workingDir.resolve("newsmon-data").resolve("newsmon.db");
    }

    /** The longest one statement of a write may run; see {@link StoreOptions#writeTimeout()}. */
    public Duration writeTimeout() {
        return options.writeTimeout();
    }

    /** The dialect of this store's database. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Inserts the articles whose ids are not stored yet, with their topics, in one transaction; an
     * article whose id is stored (or came earlier in {@code batch}) is left unchanged. If any row
     * fails, nothing of the batch is written.
     *
     * @return how many articles were inserted and how many left unchanged
     * @throws StoreUnavailableException when the database is unreachable or busy; retry the batch
     */
    public WriteResult upsert(List<EnrichedArticle> batch) {
        if (batch.isEmpty()) {
            return WriteResult.NONE;
        }
        Instant storedAt = options.clock().instant();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Set<String> inserted = insert(connection, batch, storedAt);
                connection.commit();
                return new WriteResult(inserted.size(), batch.size() - inserted.size(), inserted);
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("writing " + batch.size() + " articles", e);
        }
    }

    private Set<String> insert(Connection connection, List<EnrichedArticle> batch, Instant storedAt) throws SQLException {
        Set<String> inserted = new HashSet<>();
        // Rows are locked in id order, so concurrent batches that share ids cannot deadlock (PostgreSQL);
        // the sort is stable, so the first of two articles with one id is the one inserted.
        List<EnrichedArticle> byId = batch.stream().sorted(Comparator.comparing(EnrichedArticle::id)).toList();
        try (PreparedStatement articles = connection.prepareStatement(ArticleRows.INSERT_ARTICLE);
             PreparedStatement topics = connection.prepareStatement(ArticleRows.INSERT_TOPIC)) {
            articles.setQueryTimeout((int) options.writeTimeout().toSeconds());
            topics.setQueryTimeout((int) options.writeTimeout().toSeconds());
            for (EnrichedArticle article : byId) {
                ArticleRows.bindArticle(articles, dialect, article, storedAt);
                if (articles.executeUpdate() == 1) {
                    inserted.add(article.id());
                    ArticleRows.addTopics(topics, article);
                }
            }
            topics.executeBatch();
        }
        return inserted;
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Passes the articles matching {@code query} to {@code out}, ordered by fetch time, then id, each
     * with its topics, fetching {@value #EXPORT_FETCH_SIZE} rows at a time. {@code out} must not call
     * this store: with SQLite, whose one connection the export holds, that call would wait for the
     * connection timeout. Exceptions thrown by {@code out} end the export and are rethrown as they are.
     */
    public void export(ExportQuery query, Consumer<EnrichedArticle> out) {
        Objects.requireNonNull(out, "export consumer");
        try (Connection connection = pool.getConnection()) {
            // PostgreSQL streams with a fetch size only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement select = prepareExport(connection, query);
                 ResultSet rows = select.executeQuery()) {
                ArticleRows.forEach(rows, dialect, out);
            } finally {
                rollbackQuietly(connection);
            }
        } catch (SQLException e) {
            throw failure("exporting articles", e);
        }
    }

    private PreparedStatement prepareExport(Connection connection, ExportQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder(ArticleRows.SELECT).append(" WHERE 1 = 1");
        if (query.topicId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_topic f WHERE f.article_id = a.id AND f.topic_id = ?)");
        }
        if (query.since() != null) {
            sql.append(" AND COALESCE(a.published_at, a.fetched_at) >= ?");
        }
        PreparedStatement select = connection.prepareStatement(sql.append(" ORDER BY a.fetched_at, a.id, t.ordinal")
                .toString());
        select.setFetchSize(EXPORT_FETCH_SIZE);
        int index = 1;
        if (query.topicId() != null) {
            select.setString(index++, query.topicId());
        }
        if (query.since() != null) {
            dialect.bindInstant(select, index, query.since());
        }
        return select;
    }

    /** Ends a read-only transaction; a failure here would hide the export's own outcome, so it is dropped. */
    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the pool discards a broken connection when it is returned
        }
    }

    /**
     * Checks that the database answers ({@code SELECT 1} on a pooled connection).
     *
     * @throws StoreUnavailableException or another {@link StoreException} saying why it does not
     */
    public void ping() {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1");
             ResultSet rows = select.executeQuery()) {
            rows.next();
        } catch (SQLException e) {
            throw failure("checking that the database answers", e);
        }
    }

    /** The number of stored articles. */
    public long count() {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM article");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw failure("counting articles", e);
        }
    }

    /** The stored article with {@code id}, with its topics, or empty. */
    public Optional<EnrichedArticle> find(String id) {
        List<EnrichedArticle> found = new ArrayList<>(1);
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     ArticleRows.SELECT + " WHERE a.id = ? ORDER BY t.ordinal")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                ArticleRows.forEach(rows, dialect, found::add);
            }
        } catch (SQLException e) {
            throw failure("reading article " + id, e);
        }
        return found.stream().findFirst();
    }

    /** The topic ids of the stored article {@code id}, in the order it was tagged; empty when not stored. */
    public List<String> topicIds(String id) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT topic_id FROM article_topic WHERE article_id = ? ORDER BY ordinal")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("reading the topics of article " + id, e);
        }
        return ids;
    }

    private StoreException failure(String action, SQLException e) {
        if (dialect.isTimeout(e)) {
            return new StoreTimeoutException(action + " in " + maskedUrl + " took longer than the write timeout of "
                    + options.writeTimeout().toSeconds() + " s and was cancelled: " + e.getMessage(), e);
        }
        if (dialect.isRetriable(e)) {
            return new StoreUnavailableException(action + " in " + maskedUrl + " failed: " + e.getMessage()
                    + "; the database is unreachable or busy, retry later", e);
        }
        return new StoreException(action + " in " + maskedUrl + " failed: " + e.getMessage(), e);
    }

    /** Closes the pool; calls after this fail. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "ArticleStore[" + maskedUrl + "]";
    }
}
