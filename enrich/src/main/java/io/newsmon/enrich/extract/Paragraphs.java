package io.newsmon.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Gives every run of loose text a paragraph of its own, as Readability does before scoring, so that "div
 * soup" pages score like pages with {@code <p>}: a {@code div} without block children becomes a {@code p};
 * text mixed with blocks is wrapped in {@code p}; two or more {@code <br>} in a row end a paragraph.
 */
final class Paragraphs {
    /** Elements that start a new paragraph; everything else is inline. */
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "center", "dd", "details",
            "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "body", "html");
    private static final Set<String> RETAGGED = Set.of("div", "section", "center");

    private Paragraphs() {
    }

    static boolean isBlock(Element element) {
        return BLOCKS.contains(element.normalName());
    }

    /** Rewrites the tree under {@code root} so that loose text sits in {@code p} elements. */
    static void normalise(Element root) {
        List<Element> elements = new ArrayList<>(root.getAllElements());
        for (int i = elements.size() - 1; i >= 0; i--) {
            Element element = elements.get(i);
            if (element.parent() == null && element != root) {
                continue;
            }
            if ("p".equals(element.normalName())) {
                splitAtBreaks(element);
            } else if (RETAGGED.contains(element.normalName()) && !hasBlockChild(element) && !hasBreakChain(element)) {
                element.tagName("p");
            } else if (hasLooseText(element)) {
                wrapRuns(element);
            }
        }
    }

    private static boolean hasBlockChild(Element element) {
        return element.children().stream().anyMatch(Paragraphs::isBlock);
    }

    private static boolean hasLooseText(Element element) {
        boolean loose = element.textNodes().stream().anyMatch(t -> !t.isBlank());
        return loose && (hasBlockChild(element) || hasBreakChain(element));
    }

    private static boolean hasBreakChain(Element element) {
        Node previous = null;
        for (Node child : element.childNodes()) {
            if (isBreak(child) && previous != null && isBreak(previous)) {
                return true;
            }
            if (!(child instanceof TextNode text && text.isBlank())) {
                previous = child;
            }
        }
        return false;
    }

    /** Wraps each run of inline nodes, ended by a block or by two breaks, in a new {@code p}. */
    private static void wrapRuns(Element element) {
        List<List<Node>> runs = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        Node previous = null;
        for (Node child : new ArrayList<>(element.childNodes())) {
            boolean block = child instanceof Element e && isBlock(e);
            boolean chain = isBreak(child) && previous != null && isBreak(previous);
            if (block || chain) {
                runs.add(run);
                run = new ArrayList<>();
            } else {
                run.add(child);
            }
            if (!(child instanceof TextNode text && text.isBlank())) {
                previous = child;
            }
        }
        runs.add(run);
        runs.stream().filter(Paragraphs::hasText).forEach(Paragraphs::wrap);
    }

    private static void splitAtBreaks(Element paragraph) {
        if (hasBreakChain(paragraph)) {
            wrapRuns(paragraph);
            paragraph.tagName("div");
        }
    }

    private static boolean hasText(List<Node> run) {
        return run.stream().anyMatch(n -> n instanceof TextNode t ? !t.isBlank() : n instanceof Element e && e.hasText());
    }

    private static void wrap(List<Node> run) {
        Element paragraph = new Element("p");
        run.get(0).before(paragraph);
        run.forEach(paragraph::appendChild);
    }

    private static boolean isBreak(Node node) {
        return node instanceof Element e && "br".equals(e.normalName());
    }
}
