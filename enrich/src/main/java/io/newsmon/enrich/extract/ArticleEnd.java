package io.newsmon.enrich.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The chrome that sites put at the end of an article's own container, where class names cannot tell it from
 * the text: a comment form's lines ("Leave a Reply", "Your email address will not be published. Required
 * fields are marked *"), a page-view counter ("(Visited 12 times, 3 visits today)"), "Share this:" and
 * "Like this:" headings, a bare "Source: ..." credit, "Visit the homepage for more stories" and newsletter
 * sign-up lines. They are dropped from the end of the text, block by block, until a block of the article
 * is reached; a counter or a comment-form line is dropped wherever it stands.
 */
final class ArticleEnd {
    /** Lines that are never article text, wherever they are. */
    private static final Pattern ANYWHERE = Pattern.compile("(?i)^(?:"
            + "\\(?visited \\d[\\d,]* times?(?:, \\d[\\d,]* visits? today)?\\)?"
            + "|leave a (?:reply|comment)(?: cancel reply)?"
            + "|your email address will not be published\\.?(?: required fields are marked \\*)?"
            + "|required fields are marked \\*"
            + "|(?:share|like) this:?"
            + ")$");
    /** Short lines that end an article on many sites but are not part of it. */
    private static final Pattern AT_THE_END = Pattern.compile("(?i)^(?:"
            + "sources?: .{1,80}"
            + "|(?:visit|go to|return to) (?:the|our) (?:home ?page|front page)\\b.{0,60}"
            + "|(?:sign up|subscribe|register) (?:for|to) (?:our|the) .{0,60}newsletters?\\b.{0,60}"
            + "|(?:get|receive) (?:our|the) .{0,40}(?:newsletter|briefing) .{0,60}"
            + "|related(?: posts| articles| stories)?:?"
            + "|click to share on .{1,40}"
            + ")$");
    private static final int MAX_END_LINE_CHARS = 200;

    private ArticleEnd() {
    }

    /** {@code text} (blocks separated by a blank line) without the chrome at its end. */
    static String trim(String text) {
        List<String> blocks = new ArrayList<>(Arrays.stream(text.split("\n\n", -1))
                .filter(block -> !ANYWHERE.matcher(block.strip()).matches()).toList());
        while (!blocks.isEmpty() && endsTheArticle(blocks.getLast().strip())) {
            blocks.removeLast();
        }
        return String.join("\n\n", blocks);
    }

    private static boolean endsTheArticle(String block) {
        return block.isEmpty() || block.length() <= MAX_END_LINE_CHARS && AT_THE_END.matcher(block).matches();
    }
}
