package io.newsmon.app;

/** JDBC URL helpers for messages. */
final class Jdbc {
    private Jdbc() {
    }

    /** {@code url} with any password parameter replaced by {@code ***}. */
    static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
