package io.newsmon.enrich.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.nodes.TextNode;

/**
 * Readability's content scoring: each paragraph of at least {@value #MIN_PARAGRAPH_CHARS} characters
 * scores {@code 1 + commas + min(length / 100, 3)}, added in full to its parent, half to its grandparent
 * and {@code 1 / (3 * level)} to the ancestors above, up to {@value #ANCESTOR_LEVELS} levels. A container
 * starts from a score by tag ({@code div} +5, lists -3, headings -5) plus, when weighting classes and when it
 * is the direct parent of a paragraph of at least {@value #WEIGHTED_PARAGRAPH_CHARS} characters, its
 * {@link Boilerplate#classWeight class weight} (an outer wrapper such
 * as an old layout table's {@code td class="storytext"} must not beat the element that holds the paragraphs
 * through its name alone); its final score is multiplied by {@code 1 - link density}.
 * One instance scores one tree.
 */
final class ContentScorer {
    private static final Evaluator SCORED = QueryParser.parse("p, pre, td, blockquote");
    static final int MIN_PARAGRAPH_CHARS = 25;
    static final int ANCESTOR_LEVELS = 5;
    /** The shortest paragraph whose parent gets its class weight: a status line does not make a container. */
    static final int WEIGHTED_PARAGRAPH_CHARS = 80;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’)]?$");
    private static final Set<String> MINUS_THREE = Set.of("address", "ol", "ul", "dl", "dd", "dt", "li", "form");
    private static final Set<String> MINUS_FIVE = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "th");

    private final boolean weightClasses;
    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private final Set<Element> classWeighted = Collections.newSetFromMap(new IdentityHashMap<>());
    private TextLengths lengths;

    ContentScorer(boolean weightClasses) {
        this.weightClasses = weightClasses;
    }

    /** The element most likely to hold the article under {@code body}, or null when no paragraph scores. */
    Element topCandidate(Element body) {
        for (Element paragraph : body.select(SCORED)) {
            scoreParagraph(paragraph);
        }
        lengths = TextLengths.of(body);
        scores.replaceAll((element, score) -> score * (1 - lengths.linkDensity(element)));
        Element top = scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return top == null ? null : refine(top, body);
    }

    double score(Element element) {
        return scores.getOrDefault(element, 0.0);
    }

    /** The top candidate and those of its siblings that look like part of the article, in a new {@code div}. */
    Element withSiblings(Element top) {
        Element content = new Element("div");
        Element parent = top.parent();
        if (parent == null) {
            return content.appendChild(top);
        }
        double topScore = score(top);
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sibling : new ArrayList<>(parent.children())) {
            if (sibling == top || belongs(sibling, top, topScore, threshold)) {
                content.appendChild(sibling);
            }
        }
        return content;
    }

    private boolean belongs(Element sibling, Element top, double topScore, double threshold) {
        double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
        if (scores.containsKey(sibling) && score(sibling) + bonus >= threshold) {
            return true;
        }
        if (!"p".equals(sibling.normalName())) {
            return false;
        }
        String text = Texts.normalise(sibling.text());
        double links = lengths.linkDensity(sibling);
        return text.length() > 80 ? links < 0.25 : !text.isEmpty() && links == 0 && SENTENCE_END.matcher(text).find();
    }

    private void scoreParagraph(Element paragraph) {
        if (!"p".equals(paragraph.normalName()) && paragraph.children().stream().anyMatch(Paragraphs::isBlock)) {
            return;
        }
        String text = Texts.normalise(paragraph.text());
        if (text.length() < MIN_PARAGRAPH_CHARS) {
            return;
        }
        double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
        Element ancestor = paragraph.parent();
        while (ancestor != null && isStyleWrapper(ancestor)) {
            ancestor = ancestor.parent();
        }
        for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null && ancestor.parent() != null; level++) {
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores.computeIfAbsent(ancestor, ContentScorer::initialScore);
            scores.merge(ancestor, score / divider, Double::sum);
            if (level == 0 && weightClasses && text.length() >= WEIGHTED_PARAGRAPH_CHARS && classWeighted.add(ancestor)) {
                scores.merge(ancestor, (double) Boilerplate.classWeight(ancestor), Double::sum);
            }
            ancestor = ancestor.parent();
        }
    }

    /**
     * An inline element ({@code font}, {@code span}...) that is the only child of its parent, as in
     * {@code <div class="storytext"><font>...</font></div>}: its paragraphs count for the parent.
     */
    private static boolean isStyleWrapper(Element element) {
        Element parent = element.parent();
        return parent != null && parent.parent() != null && !Paragraphs.isBlock(element) && parent.childrenSize() == 1
                && parent.textNodes().stream().allMatch(TextNode::isBlank);
    }

    private static double initialScore(Element element) {
        String tag = element.normalName();
        return switch (tag) {
            case "div", "article" -> 5;
            case "pre", "td", "blockquote" -> 3;
            default -> MINUS_THREE.contains(tag) ? -3 : MINUS_FIVE.contains(tag) ? -5 : 0;
        };
    }

    /**
     * Readability's refinements: prefer a common ancestor of several near-top candidates (a live blog's
     * entries), then a parent that scores higher, then climb out of only-child wrappers.
     */
    private Element refine(Element top, Element body) {
        Element best = commonAncestor(top, body);
        double lastScore = score(best);
        for (Element parent = best.parent(); parent != null && parent != body.parent(); parent = parent.parent()) {
            if (!scores.containsKey(parent)) {
                continue;
            }
            if (score(parent) < lastScore / 3) {
                break;
            }
            if (score(parent) > lastScore) {
                best = parent;
                break;
            }
            lastScore = score(parent);
        }
        while (best.parent() != null && best != body && best.parent() != body && best.parent().childrenSize() == 1) {
            best = best.parent();
        }
        return best;
    }

    private Element commonAncestor(Element top, Element body) {
        double topScore = score(top);
        List<Element> alternatives = scores.entrySet().stream()
                .filter(e -> e.getKey() != top && e.getValue() >= topScore * 0.75)
                .sorted(Map.Entry.<Element, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(5).map(Map.Entry::getKey).toList();
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body.parent(); ancestor = ancestor.parent()) {
            final Element candidate = ancestor;
            long inside = alternatives.stream().filter(a -> a != candidate && a.parents().contains(candidate)).count();
            if (inside >= 3) {
                scores.putIfAbsent(candidate, topScore);
                return candidate;
            }
        }
        return top;
    }

    /** The share of {@code element}'s text inside links; in-page {@code #} links count 30%. */
    static double linkDensity(Element element) {
        return linkDensity(element, Texts.normalise(element.text()).length());
    }

    /** {@link #linkDensity(Element)} for an element whose normalised text is {@code length} characters long. */
    static double linkDensity(Element element, int length) {
        if (length == 0) {
            return 0;
        }
        double linkLength = 0;
        for (Element link : element.getElementsByTag("a")) {
            double weight = link.attr("href").startsWith("#") ? 0.3 : 1;
            linkLength += Texts.normalise(link.text()).length() * weight;
        }
        return Math.min(1, linkLength / length);
    }

    private static int commas(String text) {
        return (int) text.chars().filter(c -> c == ',' || c == '，' || c == '、').count();
    }
}
