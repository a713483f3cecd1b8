package io.newsmon.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void longerThanCountsCharactersOtherThanWhitespaceAcrossNestedText() {
        Element p = Jsoup.parseBodyFragment("<p> ab\u00a0 <b>c\n d</b><a href=x> e </a>\u200b</p>").selectFirst("p");

        assertThat(Texts.longerThan(p, 4)).as("a b c d e: five").isTrue();
        assertThat(Texts.longerThan(p, 5)).isFalse();
        assertThat(Texts.normalise(p.text()).length()).as("the normalised text is longer still")
                .isGreaterThan(5);
    }

    /** Ruling an element out by {@link Texts#longerThan} must never rule out one whose normalised text fits. */
    @Test
    void anElementLongerThanTheLimitHasALongerNormalisedText() {
        String[] pieces = {"word ", "\u00a0", " ", "\n", "<b>bold</b>", "<br>", "x", "\u2007", "<i> </i>"};
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder html = new StringBuilder("<div>");
            for (int i = random.nextInt(40); i > 0; i--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            Element div = Jsoup.parseBodyFragment(html.append("</div>").toString()).selectFirst("div");
            int limit = random.nextInt(30);
            if (Texts.longerThan(div, limit)) {
                assertThat(Texts.normalise(div.text()).length()).as(html.toString()).isGreaterThan(limit);
            }
            assertThat(Texts.longerThan(div, limit)).as(html.toString())
                    .isEqualTo(Texts.normalise(div.text()).replace(" ", "").length() > limit);
        }
    }
}
