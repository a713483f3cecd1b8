package io.newsmon.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void masksPasswordsInQueryStringsPropertyListsAndUserInfo() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/news?user=news&password=s3cr&t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/news?user=news&password=***&t&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/news?PASSWORD=x&sslpassword=y"))
                .isEqualTo("jdbc:postgresql://db/news?PASSWORD=***&sslpassword=***");
        assertThat(JdbcUrls.mask("jdbc:sqlserver://db;user=news;password=x;database=news"))
                .isEqualTo("jdbc:sqlserver://db;user=news;password=***;database=news");
        assertThat(JdbcUrls.mask("jdbc:postgresql://news:hunter2@db:5432/news"))
                .isEqualTo("jdbc:postgresql://news:***@db:5432/news");
        assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/news?user=news"))
                .isEqualTo("jdbc:postgresql://db:5432/news?user=news");
        assertThat(JdbcUrls.mask(null)).isEqualTo("null");
    }

    @Test
    void masksTheOtherSpellingsOfSecretsDriversAccept() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/news?user=news&Password=x&SSLPassword=y&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/news?user=news&Password=***&SSLPassword=***&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:postgresql://news:h%40nter2@db/news?user=news"))
                .isEqualTo("jdbc:postgresql://news:***@db/news?user=news");
        assertThat(JdbcUrls.mask("jdbc:oracle:thin:scott/tiger@db:1521:orcl"))
                .isEqualTo("jdbc:oracle:thin:scott/***@db:1521:orcl");
        assertThat(JdbcUrls.mask("jdbc:sqlserver://db;user=news;Password={a;b};accessToken=t"))
                .isEqualTo("jdbc:sqlserver://db;user=news;Password={***};accessToken=***");
    }

    @Test
    void findsTheFileOfSqliteUrls() {
        assertThat(JdbcUrls.sqliteFile("jdbc:sqlite:newsmon-data/newsmon.db")).contains(Path.of("newsmon-data/newsmon.db"));
        assertThat(JdbcUrls.sqliteFile("jdbc:sqlite:/var/lib/newsmon/news.db")).contains(Path.of("/var/lib/newsmon/news.db"));
        assertThat(JdbcUrls.sqliteFile("jdbc:sqlite:file:/var/lib/news.db?cache=shared")).contains(Path.of("/var/lib/news.db"));
        assertThat(JdbcUrls.sqliteFile("jdbc:sqlite:file:///var/lib/news.db")).contains(Path.of("/var/lib/news.db"));
    }

    @Test
    void findsNoFileForMemoryResourceAndOtherUrls() {
        assertThat(JdbcUrls.sqliteFile("jdbc:sqlite::memory:")).isEmpty();
        assertThat(JdbcUrls.sqliteFile("jdbc:sqlite:")).isEmpty();
        assertThat(JdbcUrls.sqliteFile("jdbc:sqlite:file:news?mode=memory&cache=shared")).isEmpty();
        assertThat(JdbcUrls.sqliteFile("jdbc:sqlite::resource:db/news.db")).isEmpty();
        assertThat(JdbcUrls.sqliteFile("jdbc:postgresql://db/news")).isEmpty();
    }
}
