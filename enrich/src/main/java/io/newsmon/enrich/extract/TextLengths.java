package io.newsmon.enrich.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text and link-text lengths of every element of a tree, measured in one pass, so that link density
 * costs a lookup instead of a walk over each candidate's subtree (which made scoring quadratic in the
 * page's depth). Lengths count characters other than whitespace; a link to the same page ({@code #...})
 * counts 30%, as in {@link ContentScorer#linkDensity}. Valid until the tree changes.
 */
final class TextLengths {
    private static final double IN_PAGE_LINK_WEIGHT = 0.3;
    private final Map<Element, double[]> lengths = new IdentityHashMap<>();

    private TextLengths() {
    }

    /** Measures every element under and including {@code root}. */
    static TextLengths of(Element root) {
        TextLengths measured = new TextLengths();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode text && text.parent() instanceof Element parent) {
                    measured.slot(parent)[0] += visibleChars(text.getWholeText());
                } else if (node instanceof Element element && node != root && element.parent() != null) {
                    double[] own = measured.slot(element);
                    double[] parent = measured.slot(element.parent());
                    parent[0] += own[0];
                    parent[1] += "a".equals(element.normalName())
                            ? own[0] * (element.attr("href").startsWith("#") ? IN_PAGE_LINK_WEIGHT : 1) : own[1];
                }
            }
        }, root);
        return measured;
    }

    /** The share of {@code element}'s text inside links, 0 for an element without text or not measured. */
    double linkDensity(Element element) {
        double[] measured = lengths.get(element);
        return measured == null || measured[0] == 0 ? 0 : Math.min(1, measured[1] / measured[0]);
    }

    private double[] slot(Element element) {
        return lengths.computeIfAbsent(element, e -> new double[2]);
    }

    private static int visibleChars(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7F || !Character.isWhitespace(c) && c != '\u00A0') {
                count++;
            }
        }
        return count;
    }
}
