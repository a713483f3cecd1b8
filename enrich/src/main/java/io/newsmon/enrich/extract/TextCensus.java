package io.newsmon.enrich.extract;

/**
 * How much of a page's decoded text is not text at all: what tells a binary body sent as {@code text/html}
 * (an image, a compressed file without its {@code Content-Encoding}, random bytes) from a page in any
 * language, in one pass over the page and before anything parses it.
 *
 * <p>It counts the characters (code points) other than whitespace, markup included, and among them those
 * that no text holds: U+FFFD REPLACEMENT CHARACTER, which a decoder puts for bytes its charset does not map
 * and ingest for the C0 control characters that are not whitespace (U+0000 to U+0008, U+000E to U+001B); the
 * other control characters (DEL and the C1 controls U+0080 to U+009F); unpaired surrogates; private-use and
 * unassigned code points, noncharacters such as U+FFFF among them. Whitespace counts neither way, however
 * much of it there is: a page of vertical tabs is empty, not garbage.
 *
 * <p>A page is text when at most {@link #MAX_NOT_TEXT_SHARE} (5%) of its characters are not text. Random
 * bytes are 50% to 60% not text decoded as UTF-8 (most bytes from 0x80 up are invalid there), about 23% as
 * ISO-8859-1 (its C1 controls), and 10% to 12% as windows-1252, windows-1251, KOI8-R or another charset that
 * maps every byte, from the 23 C0 controls of every 256 bytes (as U+FFFD from ingest); pages of text in any
 * script, with emoji or tables of figures, are 0%, a few icon-font glyphs 0.2%, and a page whose accented
 * letters became U+FFFD because it was decoded with the wrong charset about 1%.
 *
 * <p>Example: {@code TextCensus.of("<p>\uFFFD\uFFFD ok</p>")} counts 11 characters, 2 of them not text
 * (18%): not text.
 *
 * @param characters the characters other than whitespace
 * @param notText    how many of them are not text
 */
public record TextCensus(long characters, long notText) {
    /** The largest share of characters that are not text in a page that is text: 0.05 (5%). */
    public static final double MAX_NOT_TEXT_SHARE = 0.05;

    public TextCensus {
        if (characters < 0 || notText < 0 || notText > characters) {
            throw new IllegalArgumentException("a census of " + characters + " characters cannot count " + notText
                    + " that are not text: both must be at least 0, and not text at most all");
        }
    }

    /** Counts the characters of {@code text} and those among them that are not text, in linear time. */
    public static TextCensus of(CharSequence text) {
        long characters = 0;
        long notText = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (BMP_KINDS[c]) {
                case TEXT -> characters++;
                case NOT_TEXT -> {
                    characters++;
                    notText++;
                }
                case SURROGATE -> {
                    if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, text.charAt(++i));
                        if (!isWhitespace(codePoint)) {
                            characters++;
                            notText += isNotText(codePoint) ? 1 : 0;
                        }
                    } else {
                        characters++; // an unpaired surrogate
                        notText++;
                    }
                }
                default -> { } // whitespace
            }
        }
        return new TextCensus(characters, notText);
    }

    private static final byte WHITESPACE = 0;
    private static final byte TEXT = 1;
    private static final byte NOT_TEXT = 2;
    private static final byte SURROGATE = 3;
    /**
     * The kind of every char of the Basic Multilingual Plane, worked out once from {@link #isWhitespace} and
     * {@link #isNotText}: a table lookup per character instead of two or three of {@link Character}'s, which
     * made the census cost as much as a fifth of enriching a page that is not all ASCII.
     */
    private static final byte[] BMP_KINDS = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            BMP_KINDS[c] = Character.isSurrogate((char) c) ? SURROGATE
                    : isWhitespace(c) ? WHITESPACE : isNotText(c) ? NOT_TEXT : TEXT;
        }
    }

    /**
     * Whether {@code text} is text, as {@code of(text).isText()} says, but in a cheaper first pass where it can
     * tell: every character that is not text is a control character or not ASCII, and every printable ASCII
     * character is a character, so a page whose characters other than printable ASCII and whitespace are at
     * most {@link #MAX_NOT_TEXT_SHARE} of its printable ASCII is text without looking each of them up. Only
     * other pages (scripts other than Latin, binary bodies) are counted in full.
     */
    public static boolean isText(CharSequence text) {
        long printable = 0;
        long other = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7f) {
                printable++;
            } else if (c >= 0x7f || c < ' ' && !isAsciiWhitespace(c)) {
                other++;
            }
        }
        return other <= MAX_NOT_TEXT_SHARE * printable || of(text).isText();
    }

    /** The characters below U+0020 that {@link Character#isWhitespace} calls whitespace: tab to CR, and FS to US. */
    private static boolean isAsciiWhitespace(char c) {
        return c >= '\t' && c <= '\r' || c >= '\u001c' && c <= '\u001f';
    }

    /** The share of the characters that are not text, from 0 to 1; 0 when there are no characters. */
    public double notTextShare() {
        return characters == 0 ? 0 : (double) notText / characters;
    }

    /** Whether at most {@link #MAX_NOT_TEXT_SHARE} of the characters are not text. */
    public boolean isText() {
        return notText <= MAX_NOT_TEXT_SHARE * characters;
    }

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isNotText(int codePoint) {
        return codePoint == 0xFFFD || switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
