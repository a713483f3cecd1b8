package io.newsmon.enrich.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Extracts an article's main text from its page, leaving out the page chrome: navigation, header and
 * footer, cookie banners, share buttons, related links, newsletter boxes, comments, ads and captions.
 * Stateless and thread-safe; the document given is not modified.
 *
 * <p>The algorithm follows Mozilla's Readability:
 * <ol>
 *   <li>drop elements that never hold article text ({@code script}, {@code style}, {@code nav},
 *       {@code aside}, {@code footer}, {@code form}, {@code figure}...), hidden elements and landmark
 *       roles ({@code Boilerplate});</li>
 *   <li>drop elements whose class or id look like chrome ({@code comments}, {@code cookie-banner},
 *       {@code share}, {@code related}...), but never {@code body}, {@code main} or an {@code article} for
 *       a weak match;</li>
 *   <li>give loose text paragraphs of its own ({@code Paragraphs}), score containers by their paragraphs
 *       (length, commas) with propagation to ancestors, penalise link density and pick the best
 *       ({@code ContentScorer}), with the siblings that look like part of the article;</li>
 *   <li>clean the result of leftover link lists and boxes ({@code ContentCleaner}) and render it
 *       ({@code TextRenderer}).</li>
 * </ol>
 * When that gives fewer than {@value #MIN_GOOD_CHARS} characters it tries again without step 2's weak
 * patterns, then the page's {@code [itemprop=articleBody]}, {@code article}, {@code main} and
 * {@code [role=main]}; when all are short it compares the longest of them with the densest block of prose
 * on the page and keeps the longer, so that a cookie notice or a footer is never returned in place of the
 * article.
 *
 * <p>Output: paragraphs (p, h2-h6, li, blockquote, pre...) separated by a blank line ({@code "\n\n"}),
 * whitespace collapsed, without the page's headline ({@code <title>}, {@code og:title} or {@code h1}).
 * For example {@code "The Commerce Department said...\n\nHuawei said it opposed..."}; "" when the page has
 * no text.
 *
 * <p>An interrupted thread's extraction stops before its next attempt ({@link CancellationException}), so
 * that a page its caller gave up does not go on taking a core.
 */
public final class TextExtractor {
    // Selectors parsed once: jsoup parses a selector string on every call.
    private static final Evaluator BLOCKS = QueryParser.parse("div, section, article, main, td, body, blockquote");
    private static final Evaluator OWN_PARAGRAPHS = QueryParser.parse("p, pre, li, blockquote, h2, h3, h4, h5, h6");
    /** Results shorter than this many characters make the extractor try its fallbacks. */
    public static final int MIN_GOOD_CHARS = 250;
    private static final List<String> FALLBACK_CONTAINERS = List.of("[itemprop=articleBody]", "article", "main",
            "[role=main]");

    /** The main text of the page {@code html}, parsed with {@code baseUrl} as its base URI. */
    public String extract(String html, String baseUrl) {
        return extract(Jsoup.parse(html == null ? "" : html, baseUrl == null ? "" : baseUrl));
    }

    /** The main text of {@code doc}. */
    public String extract(Document doc) {
        return ArticleEnd.trim(mainText(doc));
    }

    private String mainText(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        Set<String> headlines = headlineKeys(doc);
        // The first attempt, which gives the article on most pages, works on a copy of its own; the page is
        // copied again, and kept unchanged for the others, only when it falls short.
        stopIfGivenUp();
        String longest = scored(Boilerplate.prunedCopy(body), true, headlines).orElse("");
        if (longest.length() >= MIN_GOOD_CHARS) {
            return longest;
        }
        Element page = Boilerplate.prunedCopy(body);
        List<Function<Element, Optional<String>>> attempts = new ArrayList<>();
        attempts.add(p -> scored(p, false, headlines));
        for (String selector : FALLBACK_CONTAINERS) {
            attempts.add(p -> container(p, selector, headlines));
        }
        for (Function<Element, Optional<String>> attempt : attempts) {
            stopIfGivenUp();
            String text = attempt.apply(page.clone()).orElse("");
            if (text.length() >= MIN_GOOD_CHARS) {
                return text;
            }
            longest = text.length() > longest.length() ? text : longest;
        }
        // Every attempt gave a short block (a banner, a footer, a notice): the page's densest block of prose
        // is compared with it, and the longer one is the article.
        String densest = densestBlock(page, headlines);
        return densest.length() > longest.length() ? densest : longest;
    }

    /** Ends an extraction that its caller gave up (its record budget ran out): the next attempt would be in vain. */
    private static void stopIfGivenUp() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("text extraction was given up and interrupted");
        }
    }

    /** The scored candidate's text; {@code strict} also removes weak boilerplate matches and weights classes. */
    private static Optional<String> scored(Element page, boolean strict, Set<String> headlines) {
        removeUnlikely(page, strict);
        Paragraphs.normalise(page);
        ContentScorer scorer = new ContentScorer(strict);
        Element top = scorer.topCandidate(page);
        if (top == null) {
            return Optional.empty();
        }
        Element content = top == page ? page : scorer.withSiblings(top);
        ContentCleaner.clean(content, headlines, strict);
        return Optional.of(TextRenderer.text(content, headlines));
    }

    /** The text of the largest element matching {@code selector}, cleaned like a scored candidate. */
    private static Optional<String> container(Element page, String selector, Set<String> headlines) {
        removeUnlikely(page, false);
        Paragraphs.normalise(page);
        return page.select(selector).stream()
                .max(Comparator.comparingInt(e -> e.text().length()))
                .map(content -> {
                    ContentCleaner.clean(content, headlines, false);
                    return TextRenderer.text(content, headlines);
                });
    }

    /** The block whose own paragraphs hold the most text outside links. */
    private static String densestBlock(Element page, Set<String> headlines) {
        Element copy = page.clone();
        Paragraphs.normalise(copy);
        return copy.select(BLOCKS).stream()
                .max(Comparator.comparingDouble(TextExtractor::ownParagraphText))
                .map(block -> TextRenderer.text(block, headlines)).orElse("");
    }

    private static double ownParagraphText(Element block) {
        return block.children().stream().filter(c -> c.is(OWN_PARAGRAPHS))
                .mapToDouble(c -> c.text().length() * (1 - ContentScorer.linkDensity(c))).sum();
    }

    /** Strict mode removes every boilerplate match; lenient mode only strong matches. */
    private static void removeUnlikely(Element page, boolean strict) {
        if (strict) {
            Boilerplate.removeUnlikely(page);
        } else {
            Boilerplate.removeStronglyUnlikely(page);
        }
    }

    private static final Evaluator TITLE_META = QueryParser.parse("[property=og:title], [name=twitter:title]");
    private static final Pattern HEADLINE_SEPARATOR = Pattern.compile(" (?:[|\\-–—:·»/]|::) ");

    /** Keys of the page's headline in its forms: title (whole and without a site suffix), og:title, h1s. */
    static Set<String> headlineKeys(Document doc) {
        Set<String> keys = new HashSet<>();
        // Normalised first: a separator is then one space on each side, so the split cannot backtrack
        // through a long run of whitespace (a hostile title of tabs made it quadratic).
        String title = Texts.normalise(doc.title());
        keys.add(Texts.key(title));
        for (String part : HEADLINE_SEPARATOR.split(title)) {
            if (part.length() >= 20) {
                keys.add(Texts.key(part));
            }
        }
        // One walk over the page for both kinds, in place of two selector queries over every element.
        List<Element> titleMetas = new ArrayList<>();
        List<Element> h1s = new ArrayList<>();
        for (Element element : doc.getAllElements()) {
            switch (element.normalName()) {
                case "meta" -> {
                    if (element.is(TITLE_META)) {
                        titleMetas.add(element);
                    }
                }
                case "h1" -> h1s.add(element);
                default -> { }
            }
        }
        titleMetas.forEach(m -> keys.add(Texts.key(m.attr("content"))));
        h1s.forEach(h -> keys.add(Texts.key(h.text())));
        keys.remove("");
        return keys;
    }
}
