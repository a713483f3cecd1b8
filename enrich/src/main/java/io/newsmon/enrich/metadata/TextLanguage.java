package io.newsmon.enrich.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Guesses the language of an article's text, for pages that do not declare one. It uses Apache Tika's
 * detector on Apache OpenNLP's language model (character n-grams, 103 languages) and gives a BCP 47 tag:
 * {@code en}, {@code de}, {@code zh-Hans}, or a three-letter code such as {@code ceb} for languages without a
 * two-letter one.
 *
 * <p>Text with fewer than {@value #MIN_LETTERS} letters gives null: on a headline or a caption the model
 * guesses too often (it takes {@code "Huawei"} for Maori). Only the first {@value #MAX_CHARS} characters are
 * read, which is enough for news text and keeps a detection at about 3 ms.
 *
 * <p>The model costs about 80 MB of heap and 1.5 s to load; it is loaded on the first call, so a stage
 * whose pages all declare their language never pays for it. Thread-safe.
 *
 * <p>Example: {@code TextLanguage.detect("Die Bundesregierung prüft, ob ...")} is {@code "de"}.
 */
public final class TextLanguage {
    /** Texts with fewer letters than this are not guessed. */
    public static final int MIN_LETTERS = 80;
    /** How much of a text is read. */
    public static final int MAX_CHARS = 2_000;
    /** OpenNLP codes that are not a plain ISO 639-3 code with a two-letter equivalent. */
    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("zho-simp", "zh-Hans"), Map.entry("zho-trad", "zh-Hant"), Map.entry("cmn", "zh"),
            Map.entry("lvs", "lv"), Map.entry("ekk", "et"), Map.entry("pes", "fa"), Map.entry("pnb", "pa"),
            Map.entry("mya-zaw", "my"), Map.entry("ben-rom", "bn-Latn"), Map.entry("hin-rom", "hi-Latn"),
            Map.entry("tam-rom", "ta-Latn"), Map.entry("tel-rom", "te-Latn"), Map.entry("urd-rom", "ur-Latn"));
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private TextLanguage() {
    }

    /** The language of {@code text} as a BCP 47 tag, or null when the text is too short to tell. */
    public static String detect(String text) {
        if (text == null || letters(text) < MIN_LETTERS) {
            return null;
        }
        OpenNLPDetector detector = new OpenNLPDetector();
        detector.setMaxLength(MAX_CHARS);
        detector.addText(text); // keeps only the first MAX_CHARS characters
        List<LanguageResult> results = detector.detectAll();
        return results.isEmpty() || results.getFirst().getLanguage().isEmpty() ? null
                : bcp47(results.getFirst().getLanguage());
    }

    /** The BCP 47 tag of an OpenNLP language code ({@code eng} becomes {@code en}). */
    static String bcp47(String code) {
        String special = SPECIAL.get(code);
        if (special != null) {
            return special;
        }
        return TWO_LETTER.getOrDefault(code, code);
    }

    private static int letters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            try {
                codes.put(Locale.of(twoLetter).getISO3Language(), twoLetter);
            } catch (MissingResourceException e) {
                // a language without a three-letter code cannot come out of the model
            }
        }
        return Map.copyOf(codes);
    }
}
