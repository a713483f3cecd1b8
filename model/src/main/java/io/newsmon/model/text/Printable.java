package io.newsmon.model.text;

/**
 * Makes text that came from outside (a feed, a page, a response header, a URL, an error message) safe
 * to show on a terminal, in a log or as a meter tag: control characters are written visibly as escapes,
 * and {@link #text} and {@link #url} also mask secrets ({@link Secrets}).
 *
 * <p>Escaped are the C0 controls (U+0000 to U+001F; {@code \n}, {@code \r} and {@code \t} as such, the
 * others as <code>&#92;u001b</code>), DEL, the C1 controls (U+0080 to U+009F), and the characters that
 * reorder or break lines: U+061C, U+200E, U+200F, U+2028 to U+202E and U+2066 to U+2069. A backslash is
 * kept as it is, so escaping twice gives the same text.
 *
 * <p>For example {@code escape} turns the characters ESC {@code ]0;pwned} BEL, which retitle a terminal,
 * into the 18 visible characters <code>&#92;u001b]0;pwned&#92;u0007</code>, and
 * {@code url("http://ann:hunter2@example.org/feed.xml")} gives {@code http://ann:***@example.org/feed.xml}.
 */
public final class Printable {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {
    }

    /** {@code text} with every control character escaped, line breaks and tabs too; null for null. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * {@code text} with every control character escaped but {@code \n} and {@code \t}, for text that may
     * span lines, such as a stack trace; null for null.
     */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    /** Outside text for display on one line: secrets masked, control characters escaped; null for null. */
    public static String text(String outside) {
        return escape(Secrets.mask(outside));
    }

    /**
     * A URL for display: the password of its user info and its secret parameters masked
     * ({@code http://ann:***@example.org/feed.xml}), control characters escaped; null for null.
     */
    public static String url(String url) {
        return text(url);
    }

    /**
     * JSON text with the characters that JSON allows raw inside strings but that a terminal acts on (DEL,
     * the C1 controls, the bidirectional and line separator characters above) written as JSON
     * <code>&#92;uXXXX</code> escapes; the JSON value read back is the same. JSON writers escape the C0
     * controls themselves, and outside strings JSON has none of these characters.
     */
    public static String escapeInJson(String json) {
        if (json == null || json.chars().noneMatch(c -> c >= 0x7f && isControl((char) c))) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= 0x7f && isControl(c)) {
                unicodeEscape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code c} is escaped by {@link #escape}. */
    public static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f
                || c >= 0x2028 && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    private static String escape(String text, boolean keepLines) {
        int first = text == null ? -1 : firstToEscape(text, keepLines);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c) || keepLines && (c == '\n' || c == '\t')) {
                out.append(c);
            } else {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> unicodeEscape(out, c);
                }
            }
        }
        return out.toString();
    }

    private static int firstToEscape(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(keepLines && (c == '\n' || c == '\t'))) {
                return i;
            }
        }
        return -1;
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
}
