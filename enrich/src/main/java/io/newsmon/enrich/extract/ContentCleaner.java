package io.newsmon.enrich.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Readability's "clean conditionally" pass over the chosen content: removes headlines, and blocks inside
 * the article that look like chrome left behind (link lists, share rows, empty boxes, "read more" lines, ad
 * labels, copyright lines).
 */
final class ContentCleaner {
    // Selectors parsed once: jsoup parses a selector string on every call.
    private static final Evaluator SUBHEADINGS = QueryParser.parse("h2, h3, h4, h5, h6");
    private static final Evaluator PARAGRAPHS_AND_ITEMS = QueryParser.parse("p, li");
    private static final Evaluator LABEL_CANDIDATES = QueryParser.parse("p, div, span");
    private static final String CLEANED_BLOCKS = "table, ul, ol, dl, div, section, form, fieldset";
    private static final Evaluator CLEANED_BLOCKS_QUERY = QueryParser.parse(CLEANED_BLOCKS);
    private static final int MIN_BLOCK_CHARS = 25;
    private static final Evaluator TEASER_HEADINGS = QueryParser.parse("h2, h3, h4");
    /** Teasers in a list that ends the article: at least this many. */
    private static final int MIN_TEASERS = 3;
    /** A teaser card's text at most: a headline, a one- or two-sentence summary, a byline. */
    private static final int MAX_TEASER_CHARS = 350;
    private static final int MIN_TEASER_TITLE_CHARS = 15;
    /** A paragraph of the article after the teasers has more characters than this. */
    private static final int MIN_ARTICLE_PARAGRAPH_CHARS = 80;
    /** What is left of the teasers' container when only the list's title is: at most this many characters. */
    private static final int MAX_LIST_TITLE_CHARS = 60;
    /** The longest ad label or copyright line, in characters of normalised text. */
    private static final int MAX_LABEL_CHARS = 200;
    /** A "Read more: ..." line is shorter than this, in characters of normalised text. */
    private static final int MAX_LINK_LINE_CHARS = 200;
    /** Labels that ad slots leave between paragraphs. */
    private static final Pattern AD_LABEL = Pattern.compile("(?i)(advertisement|advertising|ad|sponsored( content)?"
            + "|(story|article) continues below( this)?( advertisement)?|continue reading( below)?( the main story)?"
            + "|scroll to continue( with content)?)[.:]?");
    /** A copyright line left at the end of an article: "Copyright 2025 KRVT. All rights reserved." */
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)(©|\\(c\\)|copyright\\b).{0,150}"
            + "|.{0,150}all rights reserved\\.?");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’)]?$");

    private ContentCleaner() {
    }

    /**
     * Cleans {@code content} in place.
     *
     * @param headlineKeys {@link Texts#key keys} of the page's headlines: headings equal to one are removed
     * @param weightClasses whether blocks whose class or id look like chrome are removed
     */
    static void clean(Element content, Set<String> headlineKeys, boolean weightClasses) {
        content.getElementsByTag("h1").remove();
        for (Element heading : content.select(SUBHEADINGS)) {
            if (headlineKeys.contains(Texts.key(heading.text()))
                    || weightClasses && Boilerplate.classWeight(heading) < 0) {
                heading.remove();
            }
        }
        removeTeaserTail(content);
        List<Element> blocks = content.select(CLEANED_BLOCKS_QUERY);
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Element block = blocks.get(i);
            if (block != content && block.parent() != content && isChrome(block, weightClasses)) {
                block.remove();
            }
        }
        content.select(PARAGRAPHS_AND_ITEMS).stream().filter(ContentCleaner::isLinkLine).forEach(Element::remove);
        content.select(LABEL_CANDIDATES).stream().filter(e -> e.children().stream().noneMatch(Paragraphs::isBlock))
                .filter(e -> !Texts.longerThan(e, MAX_LABEL_CHARS) && isLabelOrCopyright(Texts.normalise(e.text())))
                .forEach(Element::remove);
    }

    /**
     * Removes a list of teasers that ends the content: {@value #MIN_TEASERS} or more cards that each hold one
     * heading linked to another page (not an in-page {@code #} link) and at most {@value #MAX_TEASER_CHARS}
     * characters, with no paragraph of the article after the first of them; with them goes what only titled
     * the list ("More from Opinion"). Recommended articles set in cards whose class names say {@code story} or
     * {@code article} weigh as content, and without this they made the text several times the article's length.
     */
    private static void removeTeaserTail(Element content) {
        Set<Element> cards = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element heading : content.select(TEASER_HEADINGS)) {
            Element card = teaserCard(heading, content);
            if (card != null) {
                cards.add(card);
            }
        }
        if (cards.size() < MIN_TEASERS) {
            return;
        }
        boolean afterFirstCard = false;
        for (Element element : content.getAllElements()) {
            if (cards.contains(element)) {
                afterFirstCard = true;
            } else if (afterFirstCard && element.nameIs("p") && !insideAny(element, cards)
                    && Texts.longerThan(element, MIN_ARTICLE_PARAGRAPH_CHARS)) {
                return; // the article goes on after them: they are part of it
            }
        }
        Set<Element> parents = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element card : cards) {
            if (card.parent() != null) {
                parents.add(card.parent());
            }
            card.remove();
        }
        parents.stream().filter(parent -> parent != content && !Texts.longerThan(parent, MAX_LIST_TITLE_CHARS))
                .forEach(Element::remove);
    }

    /**
     * The card of a teaser whose title is {@code heading}: its largest ancestor below {@code content} that holds
     * no other heading and at most {@value #MAX_TEASER_CHARS} characters; null when the heading is not a link to
     * another page, or is short, or no such ancestor exists.
     */
    private static Element teaserCard(Element heading, Element content) {
        String title = Texts.normalise(heading.text());
        if (title.length() < MIN_TEASER_TITLE_CHARS) {
            return null;
        }
        int linked = heading.getElementsByTag("a").stream().filter(a -> !a.attr("href").startsWith("#"))
                .mapToInt(a -> Texts.normalise(a.text()).length()).sum();
        if (linked < 0.8 * title.length()) {
            return null;
        }
        Element card = null;
        for (Element e = heading.parent(); e != null && e != content; e = e.parent()) {
            if (e.select(TEASER_HEADINGS).size() != 1 || Texts.longerThan(e, MAX_TEASER_CHARS)) {
                break;
            }
            card = e;
        }
        return card;
    }

    private static boolean insideAny(Element element, Set<Element> containers) {
        for (Element e = element.parent(); e != null; e = e.parent()) {
            if (containers.contains(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLabelOrCopyright(String text) {
        return text.length() <= MAX_LABEL_CHARS && (AD_LABEL.matcher(text).matches() || COPYRIGHT.matcher(text).matches());
    }

    private static boolean isChrome(Element block, boolean weightClasses) {
        int weight = weightClasses ? Boilerplate.classWeight(block) : 0;
        if (weight < 0) {
            return true;
        }
        String text = Texts.normalise(block.text());
        if (text.chars().filter(c -> c == ',').count() >= 10) {
            return false;
        }
        double links = ContentScorer.linkDensity(block, text.length());
        return text.length() < MIN_BLOCK_CHARS && !holdsWriting(block) || (weight < 25 ? links > 0.2 : links > 0.5);
    }

    /** Whether a short block holds a subheading or a sentence ("He declined to comment."), not a label. */
    private static boolean holdsWriting(Element block) {
        return block.selectFirst(SUBHEADINGS) != null
                || block.getElementsByTag("p").stream().anyMatch(p -> SENTENCE_END.matcher(Texts.normalise(p.text())).find());
    }

    /** A paragraph or list item that is mostly a link: "Read more: ...", "Related: ...". */
    private static boolean isLinkLine(Element element) {
        if (element.parent() == null || Texts.longerThan(element, MAX_LINK_LINE_CHARS - 1)) {
            return false;
        }
        int length = Texts.normalise(element.text()).length();
        return length < MAX_LINK_LINE_CHARS && ContentScorer.linkDensity(element, length) >= 0.5;
    }
}
