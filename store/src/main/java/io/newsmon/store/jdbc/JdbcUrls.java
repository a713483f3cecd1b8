package io.newsmon.store.jdbc;

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
    /** {@code password=}, {@code pwd=} and the like in query strings or {@code ;key=value} lists. */
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|passwd|pwd|secret|token|sslpassword)=)[^&;]*");
    /** The password of {@code //user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?]*:)[^/@?]*@");

    private JdbcUrls() {
    }

    /** {@code jdbcUrl} with every password or token replaced by {@code ***}; "null" for null. */
    public static String mask(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "null";
        }
        String masked = SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
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
