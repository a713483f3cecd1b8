package io.newsmon.enrich.extract;

import java.nio.charset.Charset;
import java.util.Random;

/** Bodies of random bytes as enrich receives them, for tests of pages that are not text. */
public final class RandomBodies {
    private RandomBodies() {
    }

    /**
     * The page as ingest publishes it: each C0 control character but tab, line feed, form feed and carriage
     * return as a space when it is whitespace to Java and as U+FFFD otherwise (ingest's
     * {@code Ingester.withoutControls}, restated here because a stage does not import another).
     */
    public static String asIngestPublishes(String decoded) {
        char[] chars = decoded.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                chars[i] = Character.isWhitespace(c) ? ' ' : '\uFFFD';
            }
        }
        return new String(chars);
    }

    /** {@code size} random bytes from {@code seed}, decoded with {@code charset} as ingest decodes a body. */
    public static String randomText(long seed, int size, String charset) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return new String(bytes, Charset.forName(charset));
    }
}
