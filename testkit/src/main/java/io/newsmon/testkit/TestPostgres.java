package io.newsmon.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for one integration test.
 *
 * <p>Where a Docker engine exists it runs in a Testcontainers {@code postgres} container; otherwise a new
 * database is created on the local server and dropped on {@link #close()}. The local server is given by
 * environment variables (docs/development.md):
 * <table>
 *   <tr><th>variable</th><th>default</th></tr>
 *   <tr><td>{@code NEWSMON_TEST_PG_HOST}</td><td>{@code 127.0.0.1}</td></tr>
 *   <tr><td>{@code NEWSMON_TEST_PG_PORT}</td><td>{@code 5432}</td></tr>
 *   <tr><td>{@code NEWSMON_TEST_PG_USER}</td><td>{@code postgres}</td></tr>
 *   <tr><td>{@code NEWSMON_TEST_PG_PASSWORD}</td><td>none</td></tr>
 *   <tr><td>{@code NEWSMON_TEST_PG_DATABASE}</td><td>{@code postgres}: the database connected to in order
 *       to create and drop the test databases</td></tr>
 * </table> Where neither is there, {@link #start()} returns {@code null} and
 * {@link #whyUnavailable()} says what is missing, so that the caller can skip with that message; unless
 * PostgreSQL is required ({@code NEWSMON_TEST_REQUIRE_POSTGRES=true}, which {@code .ci/run} sets, or
 * {@code -Dnewsmon.requirePostgres=true}): then {@link #start()} fails with that message.
 */
public final class TestPostgres implements AutoCloseable {
    private static final Server LOCAL = new Server(
            "jdbc:postgresql://" + env("NEWSMON_TEST_PG_HOST", "127.0.0.1") + ":" + env("NEWSMON_TEST_PG_PORT", "5432")
                    + "/" + env("NEWSMON_TEST_PG_DATABASE", "postgres"),
            env("NEWSMON_TEST_PG_USER", "postgres"),
            env("NEWSMON_TEST_PG_PASSWORD", ""));
    private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");
    private static volatile String unavailable;
    /** The system property that makes an unreachable server a failure instead of a skip (CI sets it). */
    public static final String REQUIRED_PROPERTY = "newsmon.requirePostgres";
    /** The environment variable of the same switch, which {@code .ci/run} exports. */
    public static final String REQUIRED_ENV = "NEWSMON_TEST_REQUIRE_POSTGRES";

    private final String jdbcUrl;
    private final String database;
    private final PostgreSQLContainer container;
    private final Server server;

    private TestPostgres(String jdbcUrl, String database, PostgreSQLContainer container, Server server) {
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        this.container = container;
        this.server = server;
    }

    /** A new, empty database, or null when neither Docker nor a local server is reachable. */
    public static TestPostgres start() {
        if (DockerSupport.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            String url = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
                    + "user=" + container.getUsername() + "&password=" + container.getPassword();
            return new TestPostgres(url, null, container, null);
        }
        return startOn(LOCAL, required());
    }

    /**
     * A PostgreSQL server the tests create their databases on, and the database they connect to for that.
     *
     * @param adminUrl JDBC URL of the database to connect to in order to create and drop test databases
     */
    record Server(String adminUrl, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(adminUrl, user, password);
        }
    }

    /** A new database on {@code server}; null, or an exception if {@code required}, when it cannot be reached. */
    static TestPostgres startOn(Server server, boolean required) {
        String name = "newsmon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            unavailable = "no Docker engine for Testcontainers and no PostgreSQL server reachable at "
                    + server.adminUrl() + " as user " + server.user() + " (" + e.getMessage()
                    + "); start one, or point NEWSMON_TEST_PG_HOST, NEWSMON_TEST_PG_PORT, NEWSMON_TEST_PG_USER,"
                    + " NEWSMON_TEST_PG_PASSWORD and NEWSMON_TEST_PG_DATABASE at one";
            if (required) {
                throw new IllegalStateException(unavailable + "; PostgreSQL is required here (" + REQUIRED_ENV
                        + "=true or -D" + REQUIRED_PROPERTY + "=true), so the test fails instead of skipping", e);
            }
            return null;
        }
        String base = server.adminUrl().substring(0, server.adminUrl().lastIndexOf('/') + 1);
        String url = base + name + "?user=" + server.user()
                + (server.password().isEmpty() ? "" : "&password=" + server.password());
        return new TestPostgres(url, name, null, server);
    }

    /** Whether PostgreSQL tests must fail rather than skip when no server is reachable. */
    static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY) || "true".equalsIgnoreCase(System.getenv(REQUIRED_ENV));
    }

    /** Why the last {@link #start()} returned null. */
    public static String whyUnavailable() {
        return unavailable;
    }

    /** The JDBC URL of the database, with user (and password) as URL parameters. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * A {@link TcpProxy} in front of this database's server, and the JDBC URL that goes through it, so a
     * test can cut the database away from a stage and bring it back.
     */
    public Proxied proxied() {
        Matcher server = HOST_PORT.matcher(jdbcUrl);
        if (!server.find()) {
            throw new IllegalStateException("no host:port in JDBC URL " + jdbcUrl + " to put a proxy in front of");
        }
        TcpProxy proxy = TcpProxy.start(server.group(1), Integer.parseInt(server.group(2)));
        return new Proxied(proxy, server.replaceFirst("//127.0.0.1:" + proxy.port() + "/"));
    }

    /**
     * A proxy in front of the database and the JDBC URL through it; closing it closes the proxy.
     *
     * @param proxy   the proxy, to {@link TcpProxy#cut()} and {@link TcpProxy#restore()}
     * @param jdbcUrl the database's JDBC URL with the proxy's address
     */
    public record Proxied(TcpProxy proxy, String jdbcUrl) implements AutoCloseable {
        @Override
        public void close() {
            proxy.close();
        }
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
            return;
        }
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + database + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
