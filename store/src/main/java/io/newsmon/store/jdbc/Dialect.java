package io.newsmon.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL databases the store supports, chosen from the JDBC URL, and what differs between them:
 * how times are stored, where the migrations live, the pool size, which failures are worth a retry.
 *
 * <p>Times are kept to the microsecond in both (finer digits are truncated): PostgreSQL stores
 * {@code TIMESTAMPTZ}, bound as an {@link OffsetDateTime} in UTC; SQLite stores {@code TEXT} in the
 * fixed-width form {@code 2024-03-05T08:15:00.000000Z}, so that comparing the text compares the times.
 * Both accept {@code INSERT ... ON CONFLICT (id) DO NOTHING}, so the SQL is otherwise shared.
 *
 * <pre>{@code
 * Dialect.of("jdbc:sqlite:newsmon-data/newsmon.db");          // SQLITE
 * Dialect.of("jdbc:postgresql://db:5432/newsmon?user=news");  // POSTGRESQL
 * Dialect.of("jdbc:mysql://db/newsmon");                      // IllegalArgumentException
 * }</pre>
 */
public enum Dialect {
    /** SQLite 3.24 or newer through sqlite-jdbc; one connection, since SQLite has one writer. */
    SQLITE("jdbc:sqlite:", "sqlite", "org.xerial:sqlite-jdbc") {
        private static final DateTimeFormatter TEXT_TIME =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
        /** SQLITE_BUSY and SQLITE_LOCKED: another writer held the lock past the busy timeout. */
        private static final Set<Integer> LOCK_CODES = Set.of(5, 6);

        @Override
        void bindInstant(PreparedStatement statement, int index, Instant time) throws SQLException {
            statement.setString(index, time == null ? null : TEXT_TIME.format(truncate(time)));
        }

        @Override
        Instant readInstant(ResultSet rows, String column) throws SQLException {
            String text = rows.getString(column);
            return text == null ? null : Instant.from(TEXT_TIME.parse(text));
        }

        @Override
        boolean isTransient(SQLException e) {
            return LOCK_CODES.contains(e.getErrorCode() & 0xff);
        }

        @Override
        boolean isCancelled(SQLException e) {
            return (e.getErrorCode() & 0xff) == SQLITE_INTERRUPT;
        }
    },

    /** PostgreSQL through pgjdbc (any version with {@code ON CONFLICT}, 9.5 or newer). */
    POSTGRESQL("jdbc:postgresql:", "postgresql", "org.postgresql:postgresql") {
        /** Connection lost, server shutting down or starting, serialization failure, deadlock. */
        private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

        @Override
        void bindInstant(PreparedStatement statement, int index, Instant time) throws SQLException {
            if (time == null) {
                statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(index, OffsetDateTime.ofInstant(truncate(time), ZoneOffset.UTC));
            }
        }

        @Override
        Instant readInstant(ResultSet rows, String column) throws SQLException {
            OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }

        @Override
        boolean isTransient(SQLException e) {
            String state = e.getSQLState();
            return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
        }

        @Override
        boolean isCancelled(SQLException e) {
            return QUERY_CANCELED.equals(e.getSQLState());
        }
    };

    /** What makes sqlite-jdbc load a database from the class path or a URL. */
    private static final String SQLITE_RESOURCE = ":resource:";
    /** SQLite's result code when a statement was interrupted (as its query timeout does). */
    private static final int SQLITE_INTERRUPT = 9;
    /** PostgreSQL's SQLSTATE of a statement cancelled (as its query timeout does). */
    private static final String QUERY_CANCELED = "57014";

    private final String urlPrefix;
    private final String migrations;
    private final String driverArtifact;

    Dialect(String urlPrefix, String migrations, String driverArtifact) {
        this.urlPrefix = urlPrefix;
        this.migrations = migrations;
        this.driverArtifact = driverArtifact;
    }

    /**
     * The dialect of {@code jdbcUrl}, from its prefix.
     *
     * @throws IllegalArgumentException naming the URL (password masked) and the supported prefixes
     */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith(SQLITE.urlPrefix)
                && jdbcUrl.toLowerCase(Locale.ROOT).contains(SQLITE_RESOURCE)) {
            throw new IllegalArgumentException("JDBC URL \"" + JdbcUrls.mask(jdbcUrl) + "\" is not supported: "
                    + SQLITE_RESOURCE + " makes the SQLite driver read the database from a class path resource or a"
                    + " URL, which it would fetch itself, past the checks newsmon applies to every address it fetches;"
                    + " give the path of a database file, for example jdbc:sqlite:newsmon-data/newsmon.db");
        }
        if (jdbcUrl != null) {
            for (Dialect dialect : values()) {
                if (jdbcUrl.startsWith(dialect.urlPrefix)) {
                    return dialect;
                }
            }
        }
        throw new IllegalArgumentException("JDBC URL \"" + JdbcUrls.mask(jdbcUrl)
                + "\" is not supported: it must start with one of " + supportedPrefixes());
    }

    /** The JDBC URL prefix of this dialect, for example {@code jdbc:sqlite:}. */
    public String urlPrefix() {
        return urlPrefix;
    }

    /** The class path location of this dialect's Flyway migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrations;
    }

    /** The Maven coordinates of the JDBC driver, for example {@code org.postgresql:postgresql}. */
    public String driverArtifact() {
        return driverArtifact;
    }

    static String supportedPrefixes() {
        return Arrays.stream(values()).map(Dialect::urlPrefix).collect(Collectors.joining(", "));
    }

    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** Binds {@code time} (or SQL NULL), truncated to microseconds, in this dialect's time column type. */
    abstract void bindInstant(PreparedStatement statement, int index, Instant time) throws SQLException;

    /** Reads a time column written by {@link #bindInstant}; null for SQL NULL. */
    abstract Instant readInstant(ResultSet rows, String column) throws SQLException;

    /** Whether {@code e} says that the database was briefly unavailable, beyond the generic JDBC classes. */
    abstract boolean isTransient(SQLException e);

    /** Whether {@code e} says that the database cancelled a statement, as it does at its query timeout. */
    abstract boolean isCancelled(SQLException e);

    /** Whether {@code e} or a cause is a statement that ran past its query timeout. */
    boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof SQLException sql && isCancelled(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} or a cause is a failure that a later retry of the same work may not have. */
    boolean isRetriable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }
}
