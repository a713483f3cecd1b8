package io.newsmon.store.jdbc;

import static io.newsmon.store.jdbc.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.model.EnrichedArticle;
import io.newsmon.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL database, plus a lost server. */
class ArticleStorePostgresIT extends ArticleStoreContract {
    /** {@code //host:port/database} in a JDBC URL. */
    private static final Pattern DATABASE = Pattern.compile("//([^/]+)/([^/?]+)");
    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
        if (postgres == null) {
            Assumptions.abort(TestPostgres.whyUnavailable());
        }
    }

    @AfterAll
    static void dropDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The one test database, emptied: every test starts from no schema, so migrations run each time. */
    @Override
    protected String newDatabase() throws SQLException {
        execute(postgres.jdbcUrl(), "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        return postgres.jdbcUrl();
    }

    @Override
    protected void rejectInsertsOf(String id) throws SQLException {
        execute(url, """
                CREATE FUNCTION reject_article() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'article %% rejected by test trigger', NEW.id; END $$;
                CREATE TRIGGER reject_article BEFORE INSERT ON article FOR EACH ROW
                WHEN (NEW.id = '%s') EXECUTE FUNCTION reject_article();
                """.formatted(id));
    }

    @Test
    void reportsALostServerAsUnavailableAndWritesTheBatchOnRetry() throws SQLException {
        List<EnrichedArticle> batch = List.of(article("a", "2024-03-05T08:00:00Z", null),
                article("b", "2024-03-05T08:00:01Z", null));
        try (ArticleStore impatient = ArticleStore.open(url, StoreOptions.DEFAULTS
                .withConnectionTimeout(Duration.ofMillis(500)));
             Connection admin = DriverManager.getConnection(maintenanceUrl(url));
             Statement statement = admin.createStatement()) {
            String database = database(url);
            statement.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
            try {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = '" + database + "'");

                assertThatThrownBy(() -> impatient.upsert(batch))
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("writing 2 articles in " + JdbcUrls.mask(url))
                        .hasMessageContaining("retry later");
            } finally {
                statement.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
            }
            assertThat(retried(impatient, batch)).extracting(WriteResult::inserted, WriteResult::unchanged).containsExactly(2, 0);
        }
    }

    /** Retries as the store's caller does: connections the pool still holds may be broken. */
    private static WriteResult retried(ArticleStore store, List<EnrichedArticle> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.upsert(batch);
            } catch (StoreUnavailableException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The name of the database of {@code jdbcUrl}, for example {@code newsmon_test_1a2b}. */
    private static String database(String jdbcUrl) {
        Matcher database = DATABASE.matcher(jdbcUrl);
        assertThat(database.find()).as("database name in %s", JdbcUrls.mask(jdbcUrl)).isTrue();
        return database.group(2);
    }

    /** {@code jdbcUrl} on the server's {@code postgres} database, to act on the test database from outside. */
    private static String maintenanceUrl(String jdbcUrl) {
        return DATABASE.matcher(jdbcUrl).replaceFirst("//$1/postgres");
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
