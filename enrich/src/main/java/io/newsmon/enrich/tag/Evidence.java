package io.newsmon.enrich.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Turns the monitor's highlights into readable evidence: {@code matched text: "…snippet…"}, one per
 * distinct matched term or phrase (case-insensitive), title first, then in text order.
 */
final class Evidence {
    /** At most this many evidence strings per topic. */
    static final int MAX_ITEMS = 6;
    /** The snippet around a match is about this long, in characters. */
    static final int SNIPPET_CHARS = 80;
    /**
     * A hit spanning more positions than this comes from a proximity query ({@code "huawei huawei"~10000}):
     * it is reported by its first word, not as a paragraph-long "phrase".
     */
    static final int MAX_PHRASE_POSITIONS = 6;

    private Evidence() {
    }

    static List<String> of(HighlightsMatch match, Map<String, String> fieldTexts) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fieldTexts.entrySet()) {
            List<HighlightsMatch.Hit> hits = new ArrayList<>(match.getHits(field.getKey()));
            hits.sort(Comparator.comparingInt(HighlightsMatch.Hit::startOffset));
            for (HighlightsMatch.Hit hit : hits) {
                if (byKey.size() == MAX_ITEMS) {
                    return List.copyOf(byKey.values());
                }
                add(byKey, field.getValue(), hit);
            }
        }
        return List.copyOf(byKey.values());
    }

    private static void add(Map<String, String> byKey, String text, HighlightsMatch.Hit hit) {
        int start = Math.max(0, hit.startOffset());
        int end = Math.min(text.length(), hit.endOffset());
        if (start >= end) {
            return;
        }
        if (hit.endPosition() - hit.startPosition() > MAX_PHRASE_POSITIONS) {
            end = wordEnd(text, start);
        }
        String matched = collapseSpaces(text.substring(start, end));
        String key = matched.toLowerCase(Locale.ROOT);
        if (!byKey.containsKey(key)) {
            byKey.put(key, matched + ": \"" + snippet(text, start, end) + '"');
        }
    }

    /**
     * About {@link #SNIPPET_CHARS} characters around {@code [start, end)} within its paragraph, cut at
     * spaces, with ellipses where text was cut.
     */
    static String snippet(String text, int start, int end) {
        int context = Math.max(10, (SNIPPET_CHARS - (end - start)) / 2);
        int paragraphStart = text.lastIndexOf("\n\n", start) < 0 ? 0 : text.lastIndexOf("\n\n", start) + 2;
        int paragraphEnd = text.indexOf("\n\n", end) < 0 ? text.length() : text.indexOf("\n\n", end);
        int from = Math.max(paragraphStart, start - context);
        int to = Math.min(paragraphEnd, end + context);
        if (from > paragraphStart) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < start ? space + 1 : from;
        }
        if (to < paragraphEnd) {
            int space = text.lastIndexOf(' ', to);
            to = space >= end ? space : to;
        }
        String body = collapseSpaces(text.substring(from, to)).strip();
        return (from > paragraphStart ? "…" : "") + body + (to < paragraphEnd ? "…" : "");
    }

    /** {@code text} with each run of whitespace as one space. */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return space ? out.append(' ').toString() : out.toString();
    }

    private static int wordEnd(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end > start ? end : Math.min(text.length(), start + 1);
    }
}
