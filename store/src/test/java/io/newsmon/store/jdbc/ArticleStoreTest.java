package io.newsmon.store.jdbc;

import static io.newsmon.store.jdbc.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite files, plus what is particular to SQLite and to opening a store. */
class ArticleStoreTest extends ArticleStoreContract {
    @TempDir
    Path dir;

    @Override
    protected String newDatabase() {
        return "jdbc:sqlite:" + dir.resolve("data").resolve("newsmon.db");
    }

    @Override
    protected void rejectInsertsOf(String id) throws SQLException {
        execute(url, "CREATE TRIGGER reject_" + id + " BEFORE INSERT ON article WHEN NEW.id = '" + id + "'"
                + " BEGIN SELECT RAISE(ABORT, 'article " + id + " rejected by test trigger'); END");
    }

    @Test
    void createsTheDatabaseDirectoryAndUsesWriteAheadLogging() throws SQLException {
        assertThat(dir.resolve("data").resolve("newsmon.db")).isRegularFile();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    /** The driver takes the user info of such a URL for a host name, and quotes it in its error. */
    @Test
    void aPostgresUrlWithAPasswordInItsUserInfoIsNeverQuotedWithIt() {
        assertThatThrownBy(() -> ArticleStore.open("jdbc:postgresql://postgres:SECRET123@127.0.0.1:5432/test",
                StoreOptions.DEFAULTS.withConnectionTimeout(Duration.ofSeconds(2))))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET123").contains("postgres:***@"));
    }

    @Test
    void openingForReadingRefusesADatabaseFileThatDoesNotExistAndCreatesNothing() {
        Path missing = dir.resolve("elsewhere").resolve("news.db");

        assertThatThrownBy(() -> ArticleStore.openForReading("jdbc:sqlite:" + missing))
                .isInstanceOf(StoreException.class)
                .hasMessage("the SQLite database " + missing + " does not exist: reading needs the database file that"
                        + " newsmon run or newsmon store wrote; check the path of --store");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void openingForReadingReadsWhatWasStoredAndWritesNothing() throws Exception {
        store.upsert(List.of(article("a", "2024-03-05T08:00:00Z", null)));
        store.close();
        Path file = dir.resolve("data").resolve("newsmon.db");
        long modified = Files.getLastModifiedTime(file).toMillis();

        try (ArticleStore reader = ArticleStore.openForReading(url)) {
            assertThat(reader.find("a")).isPresent();
            assertThatThrownBy(() -> reader.upsert(List.of(article("b", "2024-03-05T08:00:01Z", null))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("readonly");
        }
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void reportsALockedDatabaseAsUnavailableAndWritesTheBatchOnRetry() throws SQLException {
        var batch = List.of(article("a", "2024-03-05T08:00:00Z", null), article("b", "2024-03-05T08:00:01Z", null));
        try (ArticleStore impatient = ArticleStore.open(url, StoreOptions.DEFAULTS
                .withSqliteBusyTimeout(Duration.ofMillis(50)));
             Connection other = DriverManager.getConnection(url);
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");

            assertThatThrownBy(() -> impatient.upsert(batch))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("writing 2 articles in " + url)
                    .hasMessageContaining("retry later");

            lock.execute("ROLLBACK");
            assertThat(impatient.upsert(batch)).extracting(WriteResult::inserted, WriteResult::unchanged).containsExactly(2, 0);
        }
    }

    @Test
    void keepsAnInMemoryDatabaseForTheLifeOfTheStore() {
        try (ArticleStore memory = ArticleStore.open("jdbc:sqlite::memory:")) {
            memory.upsert(Articles.fixture());

            assertThat(memory.count()).isEqualTo(3);
        }
    }

    @Test
    void placesTheDefaultDatabaseUnderNewsmonData() {
        String defaultUrl = ArticleStore.defaultSqliteUrl(dir);

        assertThat(defaultUrl).isEqualTo("jdbc:sqlite:" + dir + "/newsmon-data/newsmon.db");
        try (ArticleStore opened = ArticleStore.open(defaultUrl)) {
            assertThat(opened.dialect()).isEqualTo(Dialect.SQLITE);
        }
        assertThat(dir.resolve("newsmon-data/newsmon.db")).isRegularFile();
    }

    @Test
    void rejectsAnUnsupportedUrlNamingItAndTheSupportedPrefixes() {
        assertThatThrownBy(() -> ArticleStore.open("jdbc:mysql://db.example/news?user=news&password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"jdbc:mysql://db.example/news?user=news&password=***\"")
                .hasMessageContaining("jdbc:sqlite:, jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void reportsAnUnreachableServerWithTheMaskedUrlAndWhatToCheck() {
        String unreachable = "jdbc:postgresql://127.0.0.1:1/news?user=news&password=hunter2&connectTimeout=2";

        assertThatThrownBy(() -> ArticleStore.open(unreachable, StoreOptions.DEFAULTS
                .withConnectionTimeout(Duration.ofMillis(500))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/news?user=news&password=***")
                .hasMessageContaining("running and reachable")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void reportsAnUnopenableSqliteFileAsAStoreFailure() throws Exception {
        Path notADirectory = dir.resolve("occupied");
        Files.writeString(notADirectory, "a file, not a directory");

        assertThatThrownBy(() -> ArticleStore.open("jdbc:sqlite:" + notADirectory.resolve("newsmon.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create directory " + notADirectory)
                .hasMessageContaining("writable");
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
