package io.newsmon.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectTest {
    @Test
    void choosesTheDialectFromTheUrlPrefix() {
        assertThat(Dialect.of("jdbc:sqlite:newsmon-data/newsmon.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:sqlite::memory:")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:postgresql://db.example:5432/news?user=news")).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void rejectsOtherUrlsNamingThemAndTheSupportedPrefixes() {
        assertThatThrownBy(() -> Dialect.of("jdbc:h2:mem:news"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JDBC URL \"jdbc:h2:mem:news\" is not supported: it must start with one of"
                        + " jdbc:sqlite:, jdbc:postgresql:");
        assertThatThrownBy(() -> Dialect.of(null)).hasMessageContaining("\"null\" is not supported");
        assertThatThrownBy(() -> Dialect.of("JDBC:SQLITE:x.db")).isInstanceOf(IllegalArgumentException.class);
    }

    /** sqlite-jdbc would fetch such a database itself, from a URL newsmon's address guard never sees. */
    @Test
    void refusesSqliteUrlsThatReadTheDatabaseFromAResource() {
        for (String url : List.of("jdbc:sqlite::resource:http://127.0.0.1:9/x.db", "jdbc:sqlite::RESOURCE:jar:file:a!/x",
                "jdbc:sqlite:file::resource:http://169.254.169.254/x.db")) {
            assertThatThrownBy(() -> Dialect.of(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("JDBC URL \"" + url + "\" is not supported: ")
                    .hasMessageContaining(":resource: makes the SQLite driver read the database from a class path resource"
                            + " or a URL")
                    .hasMessageContaining("give the path of a database file");
        }
    }

    @Test
    void storesSqliteTimesAsFixedWidthTextThatSortsLikeTheTimes() throws SQLException {
        assertThat(sqliteText(Instant.parse("2024-03-05T08:15:00Z"))).isEqualTo("2024-03-05T08:15:00.000000Z");
        assertThat(sqliteText(Instant.parse("2024-03-05T08:15:00.123456789Z"))).isEqualTo("2024-03-05T08:15:00.123456Z");
        assertThat(sqliteText(Instant.parse("0999-01-01T00:00:00Z"))).isEqualTo("0999-01-01T00:00:00.000000Z");
        assertThat(sqliteText(Instant.parse("2024-03-05T08:15:00.1Z")))
                .isGreaterThan(sqliteText(Instant.parse("2024-03-05T08:15:00Z")));
    }

    @Test
    void treatsLostConnectionsAndLocksAsRetriableButNotBadSql() {
        assertThat(Dialect.POSTGRESQL.isRetriable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetriable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetriable(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetriable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(Dialect.POSTGRESQL.isRetriable(new SQLException("password authentication failed", "28P01")))
                .isFalse();
        assertThat(Dialect.SQLITE.isRetriable(new SQLException("[SQLITE_BUSY] database is locked", null, 5)))
                .isTrue();
        assertThat(Dialect.SQLITE.isRetriable(new SQLException("[SQLITE_BUSY_SNAPSHOT]", null, 517))).isTrue();
        assertThat(Dialect.SQLITE.isRetriable(new SQLException("[SQLITE_CONSTRAINT]", null, 19))).isFalse();
        assertThat(Dialect.SQLITE.isRetriable(new RuntimeException("pool",
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
    }

    private static String sqliteText(Instant time) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             PreparedStatement select = connection.prepareStatement("SELECT ? AS t")) {
            Dialect.SQLITE.bindInstant(select, 1, time);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertThat(Dialect.SQLITE.readInstant(rows, "t")).isEqualTo(Dialect.truncate(time));
                return rows.getString("t");
            }
        }
    }
}
