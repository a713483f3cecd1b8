package io.newsmon.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connection pool of a store and brings its schema up to date. */
final class Databases {
    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);
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
        try {
            return new HikariDataSource(config(jdbcUrl, dialect, options));
        } catch (RuntimeException e) {
            String message = "cannot connect to " + JdbcUrls.mask(jdbcUrl) + ": " + rootMessage(e)
                    + "; " + CONNECT_HINT;
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
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations(dialect.migrationLocation())
                    .failOnMissingLocations(true)
                    .load();
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

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
