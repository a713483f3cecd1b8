package io.newsmon.store.jdbc;

import io.newsmon.model.text.Secrets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * JDBC URL helpers: masking secrets for messages and logs, and finding the file of a SQLite URL.
 *
 * <pre>{@code
 * JdbcUrls.mask("jdbc:postgresql://db/news?user=news&password=s3cret")
 *     // "jdbc:postgresql://db/news?user=news&password=***"
 * JdbcUrls.sqliteFile("jdbc:sqlite:newsmon-data/newsmon.db")   // Optional[newsmon-data/newsmon.db]
 * JdbcUrls.sqliteFile("jdbc:sqlite::memory:")                  // Optional.empty
 * }</pre>
 */
public final class JdbcUrls {
    /** The password of Oracle's {@code jdbc:oracle:thin:user/password@host}. */
    private static final Pattern SLASH_USER_INFO = Pattern.compile("(?i)(jdbc:oracle:[a-z]+:[^/@:\\s]*/)[^@\\s]*@");

    private JdbcUrls() {
    }

    /**
     * {@code jdbcUrl} with every password, token or key replaced by {@code ***}: the parameters and user info
     * {@link Secrets#mask} knows ({@code password=}, {@code sslpassword=}, {@code //user:password@}, in any
     * case), and Oracle's {@code user/password@}; "null" for null.
     */
    public static String mask(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "null";
        }
        return SLASH_USER_INFO.matcher(Secrets.mask(jdbcUrl)).replaceAll("$1" + Secrets.MASK + "@");
    }

    /**
     * The database file of a {@code jdbc:sqlite:} URL, or empty for in-memory and class path databases
     * and for other URLs. Accepts {@code jdbc:sqlite:path}, {@code jdbc:sqlite:file:path?params} and
     * {@code jdbc:sqlite:file:///abs/path}.
     */
    public static Optional<Path> sqliteFile(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(Dialect.SQLITE.urlPrefix())) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(Dialect.SQLITE.urlPrefix().length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length()).replaceFirst("^//(?=/)", "");
        }
        if (rest.contains("mode=memory")) {
            return Optional.empty();
        }
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith(":resource:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }
}
