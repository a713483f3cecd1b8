package io.newsmon.ingest.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes feeds as entries of a feeds file, as text, in the layout of the entries already there:
 *
 * <pre>{@code
 *   - url: "https://example.org/rss.xml"
 *     name: "Example: \"news\" #1"
 * }</pre>
 *
 * Values are always double-quoted, with {@code "}, {@code \} and control and line-break characters
 * escaped, so that no name or selector can end the scalar, start a comment or change the structure.
 */
final class FeedsYaml {
    /** A list item's first line: its indent, then the dash and the spaces before the key. */
    private static final Pattern ITEM = Pattern.compile("^( *)-( +)[^\\s#]", Pattern.MULTILINE);

    private FeedsYaml() {
    }

    /** A new feeds file holding {@code feeds}. */
    static String newFile(List<FeedSource> feeds) {
        return "feeds:\n" + entries(feeds, "  ", " ");
    }

    /** The text to add at the end of {@code existing} (a feeds file's text) for {@code feeds}. */
    static String addition(String existing, List<FeedSource> feeds) {
        Matcher item = ITEM.matcher(existing);
        boolean found = item.find();
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        return separator + entries(feeds, found ? item.group(1) : "  ", found ? item.group(2) : " ");
    }

    private static String entries(List<FeedSource> feeds, String itemIndent, String afterDash) {
        String keyIndent = itemIndent + " " + afterDash;
        StringBuilder text = new StringBuilder();
        for (FeedSource feed : feeds) {
            text.append(itemIndent).append('-').append(afterDash).append("url: ").append(quote(feed.url())).append('\n');
            text.append(keyIndent).append("name: ").append(quote(feed.name())).append('\n');
            if (feed.type() != FeedType.AUTO) {
                text.append(keyIndent).append("type: ").append(feed.type().name().toLowerCase(Locale.ROOT)).append('\n');
                text.append(keyIndent).append("linkSelector: ").append(quote(feed.linkSelector())).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code value} as a YAML double-quoted scalar. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    // C0 and C1 controls, and what YAML 1.1 takes for line breaks (NEL, LS, PS) or a BOM.
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        quoted.append(String.format("\\u%04X", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
