package io.newsmon.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCensusTest {
    /**
     * Random bytes decoded with the charset a response names or implies: UTF-8 for {@code text/html} alone and
     * {@code charset=utf-8}, then {@code charset=iso-8859-1} and {@code windows-1252}, and other charsets with
     * no byte left unmapped (windows-1251, KOI8-R) or with bytes of two (Shift_JIS, GBK), and UTF-16, which a
     * byte order mark selects.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "windows-1252", "windows-1251", "KOI8-R", "Shift_JIS", "GBK", "UTF-16BE"})
    void randomBytesAsIngestPublishesThemAreNotText(String charset) {
        for (int seed = 1; seed <= 10; seed++) {
            for (int size : new int[] {3_000, 100_000}) {
                String page = RandomBodies.asIngestPublishes(RandomBodies.randomText(seed, size, charset));
                TextCensus census = TextCensus.of(page);

                assertThat(census.isText()).as("%s, %,d bytes, seed %d: %s", charset, size, seed, census).isFalse();
                assertThat(census.notTextShare()).isGreaterThan(1.5 * TextCensus.MAX_NOT_TEXT_SHARE);
            }
        }
    }

    /** What another producer or a replay may hold: the C0 controls as decoded. */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "windows-1252", "windows-1251", "KOI8-R"})
    void randomBytesWithTheirControlCharactersAreNotText(String charset) {
        TextCensus census = TextCensus.of(RandomBodies.randomText(7, 3_000, charset));

        assertThat(census.isText()).as("%s: %s", charset, census).isFalse();
    }

    /** Messages written before ingest kept U+FFFD for the controls had spaces: the charsets that map few bytes still tell. */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "Shift_JIS", "UTF-16BE"})
    void randomBytesWithSpacesForTheirControlCharactersAreNotTextWhenTheCharsetLeavesBytesUnmapped(String charset) {
        String page = RandomBodies.randomText(7, 3_000, charset).replaceAll("[\\x00-\\x08\\x0B\\x0E-\\x1F]", " ");

        TextCensus census = TextCensus.of(page);

        assertThat(census.isText()).as("%s: %s", charset, census).isFalse();
    }

    @Test
    void everyHtmlFixtureOfEnrichIsTextWhateverItsLanguage() throws IOException, URISyntaxException {
        List<Path> fixtures = htmlFixtures();

        assertThat(fixtures).hasSizeGreaterThan(100)
                .anySatisfy(p -> assertThat(p).hasFileName("chinese-article.html"))
                .anySatisfy(p -> assertThat(p).hasFileName("arabic-article.html"));
        for (Path fixture : fixtures) {
            TextCensus census = TextCensus.of(Files.readString(fixture, StandardCharsets.UTF_8));
            assertThat(census.isText()).as("%s: %s", fixture, census).isTrue();
            assertThat(census.notTextShare()).as("%s: %s", fixture, census).isLessThan(TextCensus.MAX_NOT_TEXT_SHARE / 5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chinese", "japanese", "korean", "arabic", "hebrew", "thai", "russian", "hindi", "vietnamese"})
    void aPageInAnyScriptHasNoCharacterThatIsNotText(String language) throws IOException, URISyntaxException {
        TextCensus census = TextCensus.of(script(language + "-article.html"));

        assertThat(census.notText()).isZero();
        assertThat(census.characters()).isGreaterThan(500);
    }

    /** Emoji (with joiners, skin tones, tag sequences and variation selectors) are text; a few icon-font glyphs do not tip a page. */
    @Test
    void emojiAndIconFontGlyphsAmongTextAreText() throws IOException, URISyntaxException {
        assertThat(TextCensus.of(script("emoji-live-blog.html")).notText()).isZero();
        TextCensus market = TextCensus.of(script("market-table.html"));
        assertThat(market.notText()).isEqualTo(4);
        assertThat(market.isText()).isTrue();
    }

    /** A windows-1252 page read as UTF-8 has U+FFFD for each accented letter: wrongly decoded, but text. */
    @Test
    void aPageDecodedWithTheWrongCharsetIsStillText() throws IOException, URISyntaxException {
        String french = Files.readString(resource("pages/french-article.html"), StandardCharsets.UTF_8);
        String misread = new String(french.getBytes(Charset.forName("windows-1252")), StandardCharsets.UTF_8);

        TextCensus census = TextCensus.of(misread);

        assertThat(census.notText()).isGreaterThan(100);
        assertThat(census.isText()).isTrue();
    }

    /** Whitespace counts neither way, however much of it: a page of vertical tabs is empty, not garbage. */
    @Test
    void whitespaceIsNeitherTextNorNotText() {
        TextCensus census = TextCensus.of("\u000b".repeat(40_000) + " \t\r\n\f\u001c\u00a0\u2007\u202f\u2028\u3000".repeat(1_000));

        assertThat(census).isEqualTo(new TextCensus(0, 0));
        assertThat(census.notTextShare()).isZero();
        assertThat(census.isText()).isTrue();
    }

    @Test
    void countsCodePointsAndTellsEachKindOfCharacterThatIsNotText() {
        String notText = "\uFFFD\u0000\u0007\u007f\u0085\u009f\uE000\uDB80\uDC00\uFFFF\u0378\uDFFF\uD800";
        String text = "a\u00e9\u4e2d\u0627\u0e01\uD83D\uDE00\u200d\u00ad\ufeff\uFE0F\u20ac";

        assertThat(TextCensus.of(notText)).isEqualTo(new TextCensus(12, 12));
        assertThat(TextCensus.of(text)).isEqualTo(new TextCensus(11, 0));
    }

    /**
     * The census reads a table of the kind of every char; it must count as {@link Character} classifies each
     * code point: every char of the Basic Multilingual Plane alone, and random mixes of paired and unpaired
     * surrogates, supplementary code points and ASCII.
     */
    @Test
    void countsAsCharacterClassifiesEveryCodePoint() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertThat(TextCensus.of(one)).as("U+%04X", c).isEqualTo(reference(one));
        }
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder mix = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> mix.append((char) (0xD800 + random.nextInt(0x800))); // a lone or paired surrogate
                    case 1 -> mix.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    case 2 -> mix.append((char) random.nextInt(0x80));
                    default -> mix.append((char) random.nextInt(0x10000));
                }
            }
            assertThat(TextCensus.of(mix)).as("mix %d", round).isEqualTo(reference(mix.toString()));
        }
    }

    /**
     * {@link TextCensus#isText(CharSequence)} decides most pages in a cheaper pass; its verdict must be the
     * census's, on the fixtures and on mixes of ASCII, whitespace, other scripts and characters that are not
     * text around the threshold.
     */
    @Test
    void theQuickVerdictIsTheCensussVerdict() throws IOException, URISyntaxException {
        for (Path page : htmlFixtures()) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(TextCensus.isText(html)).as(page.toString()).isEqualTo(TextCensus.of(html).isText());
        }
        String[] pieces = {"a", "Z", " ", "\n", "\u000b", "\u001c", "\u00e9", "\u4e2d", "\u00a0", "\uFFFD", "\u0007",
            "\u007f", "\u0085", "\uE000", "\uD83D\uDE00", "\uD800", "\u0378"};
        java.util.Random random = new java.util.Random(5);
        int notText = 0;
        for (int round = 0; round < 5_000; round++) {
            StringBuilder mix = new StringBuilder("x".repeat(random.nextInt(200)));
            int count = 1 + random.nextInt(60);
            for (int i = 0; i < count; i++) {
                mix.append(pieces[random.nextInt(pieces.length)]);
            }
            boolean census = TextCensus.of(mix).isText();
            notText += census ? 0 : 1;
            assertThat(TextCensus.isText(mix)).as("mix %d: %s", round, mix).isEqualTo(census);
        }
        assertThat(notText).as("mixes that are not text, so both verdicts were tried").isBetween(500, 4_500);
    }

    /** The census by the rule on the class, code point by code point. */
    private static TextCensus reference(String text) {
        long characters = 0;
        long notText = 0;
        for (int codePoint : text.codePoints().toArray()) {
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                continue;
            }
            characters++;
            int type = Character.getType(codePoint);
            if (codePoint == 0xFFFD || type == Character.CONTROL || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                notText++;
            }
        }
        return new TextCensus(characters, notText);
    }

    @Test
    void aPageIsTextUpToTheThresholdAndNotTextBeyondIt() {
        assertThat(TextCensus.of("\uFFFD" + "a".repeat(19)).isText()).isTrue();
        assertThat(TextCensus.of("\uFFFD\uFFFD" + "a".repeat(19)).isText()).isFalse();
        assertThat(TextCensus.of("").isText()).isTrue();
    }

    private static List<Path> htmlFixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(Path.of(TextCensusTest.class.getResource("/io/newsmon/enrich").toURI()))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
    }

    private static String script(String name) throws IOException, URISyntaxException {
        return Files.readString(resource("scripts/" + name), StandardCharsets.UTF_8);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TextCensusTest.class.getResource(name).toURI());
    }
}
