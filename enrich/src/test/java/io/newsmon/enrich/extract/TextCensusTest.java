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
