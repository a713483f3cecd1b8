package io.newsmon.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Renders content as paragraphs: every block element (p, h2-h6, li, blockquote, pre, div...) ends a
 * paragraph, whitespace is collapsed (except inside {@code pre}, whose lines are kept), and paragraphs equal
 * to a headline are dropped.
 */
final class TextRenderer {
    /** The separator between paragraphs. */
    static final String PARAGRAPH_BREAK = "\n\n";
    /** A paragraph starting with a headline this long (letters and digits) loses it. */
    static final int MIN_HEADLINE_PREFIX = 20;

    private TextRenderer() {
    }

    /** The paragraphs of {@code root}, without those whose {@link Texts#key key} is in {@code headlineKeys}. */
    static List<String> paragraphs(Element root, Set<String> headlineKeys) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element && "br".equals(element.normalName())) {
                    current.append(' ');
                } else if (node instanceof Element element && "pre".equals(element.normalName())) {
                    flush(current, paragraphs, headlineKeys);
                    String code = preformatted(element);
                    if (!code.isEmpty()) {
                        paragraphs.add(code);
                    }
                    return FilterResult.SKIP_CHILDREN;
                } else if (node instanceof Element element && Paragraphs.isBlock(element)) {
                    flush(current, paragraphs, headlineKeys);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && Paragraphs.isBlock(element)) {
                    flush(current, paragraphs, headlineKeys);
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush(current, paragraphs, headlineKeys);
        return paragraphs;
    }

    /**
     * A {@code pre} block's text with its line breaks and indentation kept; trailing spaces and blank lines
     * are dropped, so that a blank line still only ever separates paragraphs.
     */
    static String preformatted(Element pre) {
        return pre.wholeText().replace("\u00a0", " ").lines().map(String::stripTrailing).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /** The paragraphs joined with {@value #PARAGRAPH_BREAK}. */
    static String text(Element root, Set<String> headlineKeys) {
        return String.join(PARAGRAPH_BREAK, paragraphs(root, headlineKeys));
    }

    private static void flush(StringBuilder current, List<String> paragraphs, Set<String> headlineKeys) {
        String paragraph = withoutHeadline(Texts.normalise(current.toString()), headlineKeys);
        current.setLength(0);
        if (!paragraph.isEmpty() && !isOnlyMarkup(paragraph)) {
            paragraphs.add(paragraph);
        }
    }

    /**
     * Whether {@code paragraph} is nothing but markup as text, such as {@code <img src="https://px.example/tr">}:
     * a tracking pixel of a {@code <noscript>} that a plugin escaped, which a reader never sees.
     */
    static boolean isOnlyMarkup(String paragraph) {
        return paragraph.charAt(0) == '<' && ONLY_MARKUP.matcher(paragraph).matches();
    }

    /** One or more tags and nothing else; a tag holds no {@code <} or {@code >}, so the match is linear. */
    private static final Pattern ONLY_MARKUP = Pattern.compile("(?:</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>\\s*)+");

    /**
     * {@code paragraph} without a leading headline: "" when it is the headline, the rest when it starts
     * with one of at least {@value #MIN_HEADLINE_PREFIX} letters (a headline and dateline set in one block).
     */
    static String withoutHeadline(String paragraph, Set<String> headlineKeys) {
        String key = Texts.key(paragraph);
        if (headlineKeys.contains(key)) {
            return "";
        }
        for (String headline : headlineKeys) {
            if (headline.length() >= MIN_HEADLINE_PREFIX && key.startsWith(headline)) {
                return paragraph.substring(endOfKeyChars(paragraph, headline.length())).strip();
            }
        }
        return paragraph;
    }

    /** The index in {@code text} just after its first {@code count} letters or digits. */
    private static int endOfKeyChars(String text, int count) {
        int seen = 0;
        int i = 0;
        while (i < text.length() && seen < count) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                seen += Texts.key(Character.toString(codePoint)).length();
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }
}
