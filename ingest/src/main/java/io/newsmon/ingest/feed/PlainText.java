package io.newsmon.ingest.feed;

import org.jsoup.Jsoup;

/** Titles and summaries as plain text, whatever markup the format allows. */
final class PlainText {
    private PlainText() {
    }

    /** {@code text} stripped, with each run of whitespace made one space; null when null or blank. */
    static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replaceAll("\\s+", " ");
    }

    /** The text of an HTML fragment (tags dropped, entities decoded); null when it has none. */
    static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = Jsoup.parseBodyFragment(html).text();
        return text.isBlank() ? null : text;
    }
}
