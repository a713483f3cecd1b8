package io.newsmon.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleEndTest {
    private static final String BODY = "The council approved the plan on Tuesday.\n\nWork starts in May.";

    @Test
    void dropsTheChromeAtTheEndOfAnArticle() {
        String text = BODY + "\n\nSource: Harbour Council\n\n(Visited 12 times, 3 visits today)"
                + "\n\nVisit the homepage for more stories\n\nSign up for our daily newsletter here"
                + "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *";

        assertThat(ArticleEnd.trim(text)).isEqualTo(BODY);
    }

    @Test
    void dropsACounterOrACommentFormLineWhereverItStands() {
        assertThat(ArticleEnd.trim("First.\n\n(Visited 3 times, 1 visits today)\n\nSecond."))
                .isEqualTo("First.\n\nSecond.");
    }

    @Test
    void keepsArticleTextThatOnlyLooksLikeChrome() {
        String text = "Officials said the source of the leak was unclear.\n\n"
                + "Sources said the newsletter had been sent to 40,000 readers before it was withdrawn, and the"
                + " company apologised to every subscriber in a letter on Friday.";

        assertThat(ArticleEnd.trim(text)).as("a long last paragraph is the article's").isEqualTo(text);
        assertThat(ArticleEnd.trim("Visit the homepage.\n\nThe vote is on Monday."))
                .as("chrome lines count only at the end").isEqualTo("Visit the homepage.\n\nThe vote is on Monday.");
        assertThat(ArticleEnd.trim("")).isEmpty();
    }
}
