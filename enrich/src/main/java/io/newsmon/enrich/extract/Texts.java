package io.newsmon.enrich.extract;

import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Whitespace normalisation shared by the extractor's parts. */
final class Texts {

    private Texts() {
    }

    /**
     * {@code text} with every run of whitespace (including no-break and zero-width spaces) as one space,
     * stripped. A single pass over the characters, returning {@code text} itself when it is already normal:
     * the extractor calls this for every candidate block.
     */
    static String normalise(String text) {
        int length = text.length();
        if (isNormal(text, length)) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code text} has no leading, trailing or repeated space and no other whitespace character. */
    private static boolean isNormal(String text, int length) {
        boolean previousSpace = true;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (isSpace(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return length == 0 || !previousSpace;
    }

    /**
     * Whether the text of {@code element} has more than {@code limit} characters other than whitespace, in which
     * case its {@link #normalise normalised} text is longer than {@code limit}; it stops counting there, so that
     * ruling out a long paragraph costs a walk over its first words instead of building its text.
     */
    static boolean longerThan(Element element, int limit) {
        int[] count = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String whole = text.getWholeText();
                    for (int i = 0; i < whole.length() && count[0] <= limit; i++) {
                        count[0] += isSpace(whole.charAt(i)) ? 0 : 1;
                    }
                    if (count[0] > limit) {
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, element);
        return count[0] > limit;
    }

    private static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) {
            return false; // printable ASCII, most characters of most pages: no table lookup
        }
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B'
                || c == '\uFEFF';
    }

    /** A key for comparing headlines: lower case, letters and digits only. */
    static String key(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            if (Character.isLetter(codePoint) || isNumber(codePoint)) {
                key.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return key.toString();
    }

    /** Whether {@code codePoint} is in Unicode's N categories, as {@code \\p{N}} in a regular expression. */
    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
