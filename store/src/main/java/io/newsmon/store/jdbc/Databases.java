package io.newsmon.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connection pool of a store and brings its schema up to date. */
final class Databases {
    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);
    /** sqlite3_open_v2's SQLITE_OPEN_READONLY, as sqlite-jdbc's {@code open_mode} property takes it. */
    private static final int SQLITE_OPEN_READONLY = 0x01;
    private static final String SQLITE_HINT = "check that the file is a newsmon SQLite database (newsmon run or"
            + " newsmon store writes one) and that its folder may be read";
    private static final String CONNECT_HINT = "check that the database server is running and reachable"
            + " from here, that the database exists and that the user and password are right";

    private Databases() {
    }

    /** A pool on {@code jdbcUrl} whose schema has every migration of {@code dialect} applied. */
    static HikariDataSource open(String jdbcUrl, Dialect dialect, StoreOptions options) {
        requireDriver(jdbcUrl, dialect);
        createSqliteDirectory(jdbcUrl);
        HikariDataSource pool = connect(jdbcUrl, dialect, options);
        try {
            migrate(pool, jdbcUrl, dialect);
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * A pool on {@code jdbcUrl} for reading: a SQLite file must exist and is opened read-only; nothing is
     * migrated, and a schema with migrations pending is refused.
     */
    static HikariDataSource openForReading(String jdbcUrl, Dialect dialect, StoreOptions options) {
        requireDriver(jdbcUrl, dialect);
        Optional<Path> file = JdbcUrls.sqliteFile(jdbcUrl);
        if (dialect == Dialect.SQLITE && file.isEmpty()) {
            throw new StoreException(JdbcUrls.mask(jdbcUrl) + " names no database file: reading needs the file that"
                    + " newsmon run or newsmon store wrote, for example jdbc:sqlite:newsmon-data/newsmon.db", null);
        }
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new StoreException("the SQLite database " + file.get() + (Files.exists(file.get())
                    ? " is not a file" : " does not exist") + ": reading needs the database file that newsmon run or"
                    + " newsmon store wrote; check the path of --store", null);
        }
        HikariConfig config = config(jdbcUrl, dialect, options);
        if (file.isPresent() && !(Files.isWritable(file.get()) && Files.isWritable(parent(file.get())))) {
            // SQLite reads a write-ahead-logged file only where it may create the shared-memory file beside
            // it; a file nobody here may change can be read as immutable instead, without those files.
            config.setJdbcUrl(Dialect.SQLITE.urlPrefix() + file.get().toAbsolutePath().toUri() + "?immutable=1");
        }
        if (dialect == Dialect.SQLITE) {
            config.getDataSourceProperties().remove("journal_mode");
            config.addDataSourceProperty("open_mode", String.valueOf(SQLITE_OPEN_READONLY));
            config.setReadOnly(true); // the pool sets the flag on each connection, which must agree with the mode
        }
        HikariDataSource pool = connect(jdbcUrl, dialect, config);
        try {
            requireCurrentSchema(pool, jdbcUrl, dialect);
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static Path parent(Path file) {
        return file.toAbsolutePath().getParent();
    }

    private static void requireCurrentSchema(HikariDataSource pool, String jdbcUrl, Dialect dialect) {
        try {
            Flyway flyway = flyway(pool, dialect);
            MigrationInfo[] pending = flyway.info().pending();
            if (pending.length > 0) {
                MigrationInfo current = flyway.info().current();
                throw new StoreException("the schema of " + JdbcUrls.mask(jdbcUrl) + " is at version "
                        + (current == null ? "none" : current.getVersion()) + ", older than this newsmon's "
                        + pending[pending.length - 1].getVersion() + ", and reading does not change it: run newsmon"
                        + " store or newsmon run on it once to bring it up to date", null);
            }
        } catch (FlywayException e) {
            throw new StoreException("reading the schema version of " + JdbcUrls.mask(jdbcUrl) + " failed: "
                    + rootMessage(e) + "; check that it is a newsmon database", e);
        }
    }

    private static void requireDriver(String jdbcUrl, Dialect dialect) {
        try {
            DriverManager.getDriver(jdbcUrl);
        } catch (SQLException e) {
            throw new StoreException("no JDBC driver for " + JdbcUrls.mask(jdbcUrl) + " on the class path: "
                    + "check that " + dialect.driverArtifact() + " is a runtime dependency", null);
        }
    }

    private static void createSqliteDirectory(String jdbcUrl) {
        Path parent = JdbcUrls.sqliteFile(jdbcUrl).map(file -> file.toAbsolutePath().getParent()).orElse(null);
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create directory " + parent + " for the SQLite database "
                    + JdbcUrls.mask(jdbcUrl) + ": " + e + "; check that the path is writable", e);
        }
    }

    private static HikariDataSource connect(String jdbcUrl, Dialect dialect, StoreOptions options) {
        return connect(jdbcUrl, dialect, config(jdbcUrl, dialect, options));
    }

    private static HikariDataSource connect(String jdbcUrl, Dialect dialect, HikariConfig config) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            String message = "cannot connect to " + JdbcUrls.mask(jdbcUrl) + ": " + rootMessage(e)
                    + "; " + (dialect == Dialect.SQLITE ? SQLITE_HINT : CONNECT_HINT);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw dialect.isRetriable(e) ? new StoreUnavailableException(message, cause)
                    : new StoreException(message, cause);
        }
    }

    private static HikariConfig config(String jdbcUrl, Dialect dialect, StoreOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("newsmon-store");
        config.setJdbcUrl(jdbcUrl);
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        if (dialect == Dialect.SQLITE) {
            // One writer in SQLite; a never-retired connection also keeps in-memory databases alive.
            config.setMaximumPoolSize(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(options.sqliteBusyTimeout().toMillis()));
            config.addDataSourceProperty("foreign_keys", "true");
        } else {
            config.setMaximumPoolSize(options.postgresPoolSize());
            config.setMinimumIdle(1);
        }
        return config;
    }

    private static void migrate(HikariDataSource pool, String jdbcUrl, Dialect dialect) {
        try {
            Flyway flyway = flyway(pool, dialect);
            MigrateResult result = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            LOG.info("Store {} ready at schema version {} ({} migrations applied now)", JdbcUrls.mask(jdbcUrl),
                    current == null ? "none" : current.getVersion(), result.migrationsExecuted);
        } catch (FlywayException e) {
            String message = "migrating the schema of " + JdbcUrls.mask(jdbcUrl) + " failed: " + rootMessage(e)
                    + "; check that the user may create tables and that no other program changed them";
            throw dialect.isRetriable(e) ? new StoreUnavailableException(message, e)
                    : new StoreException(message, e);
        }
    }

    private static Flyway flyway(HikariDataSource pool, Dialect dialect) {
        return Flyway.configure()
                .dataSource(pool)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                .load();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
