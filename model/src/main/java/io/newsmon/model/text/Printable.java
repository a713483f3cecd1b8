package io.newsmon.model.text;

/**
 * Makes text that came from outside (a feed, a page, a response header, a URL, an error message) safe
 * to show on a terminal, in a log or as a meter tag: control characters are written visibly as escapes,
 * and {@link #text} and {@link #url} also mask secrets ({@link Secrets}).
 *
 * <p>Escaped are the C0 controls (U+0000 to U+001F; {@code \n}, {@code \r} and {@code \t} as such, the
 * others as <code>&#92;u001b</code>), DEL, the C1 controls (U+0080 to U+009F), the format characters
 * (bidirectional marks and overrides such as U+202E, zero-width characters, the byte order mark), the line
 * and paragraph separators U+2028 and U+2029, and unpaired surrogates: what can move the cursor, retitle
 * a window, reorder what follows, hide text or forge a line. A backslash is kept as it is, so escaping
 * twice gives the same text.
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

    /**
     * Whether {@code c} is escaped by {@link #escape}: a C0 or C1 control, DEL, a format character (Unicode
     * category Cf: bidirectional marks and overrides, zero-width characters, the byte order mark, the soft
     * hyphen) or a line or paragraph separator. An unpaired surrogate, which no terminal shows, is escaped
     * too, but needs its neighbours to be told from a pair.
     */
    public static boolean isControl(char c) {
        if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Whether the character at {@code i} is to be escaped: see {@link #isControl}, and unpaired surrogates. */
    private static boolean isUnsafe(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return isControl(c);
    }

    private static String escape(String text, boolean keepLines) {
        int first = text == null ? -1 : firstToEscape(text, keepLines);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(text, i) || keepLines && (c == '\n' || c == '\t')) {
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
            if (isUnsafe(text, i) && !(keepLines && (c == '\n' || c == '\t'))) {
                return i;
            }
        }
        return -1;
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
}
