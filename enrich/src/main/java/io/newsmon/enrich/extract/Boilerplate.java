package io.newsmon.enrich.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What page chrome looks like: tags that never hold article text, and class/id patterns of navigation,
 * comments, cookie banners, share buttons, related links, newsletter boxes and ads. The patterns follow
 * Mozilla Readability's {@code unlikelyCandidates} and trafilatura's boilerplate lists, split in two:
 * strong ones are removed even from elements that also look like content ({@code article-comments},
 * {@code related-articles}); weak ones are kept when the class also says {@code article}, {@code content},
 * {@code body} and the like.
 */
final class Boilerplate {
    /** Elements removed before anything else: never article text. */
    static final String NON_CONTENT_TAGS = "script, style, noscript, template, link, meta, nav, aside, footer, header,"
            + " form, iframe, frame, frameset, object, embed, applet, canvas, svg, math, video, audio, map, button,"
            + " input, select, option, textarea, label, fieldset, dialog, menu, figure, figcaption, picture, img,"
            + " amp-ad, amp-embed, amp-analytics, amp-sidebar, amp-social-share, amp-iframe, amp-consent,"
            + " amp-user-notification, amp-carousel, amp-img, amp-video, amp-pixel";
    /** Hidden elements and landmarks that are never the article. */
    static final String HIDDEN_OR_CHROME = "[hidden], [style~=(?i)display\\s*:\\s*none],"
            + " [style~=(?i)visibility\\s*:\\s*hidden], [role~=(?i)^(navigation|banner|contentinfo|complementary"
            + "|dialog|alertdialog|search|menu|menubar|toolbar|alert)$]";
    /**
     * Hidden from screen readers only, not from the eye: icons and duplicate links, but also the whole page
     * behind an open consent or subscription dialog, which sets it on the page's wrapper. Removed unless it
     * holds article text ({@value #GUARDED_TEXT_CHARS} characters outside links).
     */
    static final String HIDDEN_FROM_SCREEN_READERS = "[aria-hidden=true]";
    /** Never removed for a class/id match: the page itself and the containers that announce the article. */
    static final String PROTECTED = "html, body, main, [itemprop=articleBody], [role=main]";
    /** Microdata that marks the headline block rather than the body: the article's summary and its byline. */
    static final String HEADLINE_MICRODATA = "[itemprop=description], [itemprop=author], [itemprop=alternativeHeadline]";

    private static final Pattern STRONG = Pattern.compile("comment|disqus|cookie|consent|gdpr"
            + "|share|sharing|social|sidebar|related|recommend|promo|sponsor|advert|outbrain|taboola|pull-?quote"
            + "|most-?read|most-?popular|trending|breadcrumb|pagination|pager|masthead|navbar|byline"
            + "|dateline|skyscraper|shoutbox|read-?more|more-stories|skip-?link|skip-to|screen-reader|sr-only"
            + "|visually-hidden|standfirst|strapline", Pattern.CASE_INSENSITIVE);
    /**
     * Strong patterns that also name containers of article text on real sites: Drupal's body field is
     * {@code field--type-text-with-summary}, metered articles sit in {@code paywalled} or
     * {@code subscriber-premium} divs (a subscriber is not a subscribe box), newsletter platforms mark posts
     * {@code newsletter-post}. An element they
     * match is kept when it holds {@value #GUARDED_TEXT_CHARS} characters or more of text outside links.
     */
    private static final Pattern GUARDED = Pattern.compile("paywall|newsletter|subscribe(?!r)|signup|sign-up"
            + "|(^|[\\s_-])(ad|ads|adslot|meta|nav|menu|footer"
            + "|banner|tags|toolbar|author|caption|credit|timestamp|dek|kicker|eyebrow|label|summary|subtitle)"
            + "([\\s_-]|$)", Pattern.CASE_INSENSITIVE);
    static final int GUARDED_TEXT_CHARS = 600;
    private static final Pattern WEAK = Pattern.compile("header|extra|community|remark|replies|rss|supplemental"
            + "|legends|combx|widget|popup|agegate|cover-wrap|ai2html|yom-remote|hidden|print|rating|login|modal"
            + "|overlay|utility|tools|teaser|aside", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE_CONTENT = Pattern.compile("and|article|body|column|content|main|shadow|story"
            + "|entry|text", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile("article|body|content|entry|hentry|h-entry|main|page"
            + "|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("-ad-|hidden|^hid$|banner|combx|comment|com-|contact"
            + "|foot(?!note)|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar"
            + "|skyscraper|sponsor|shopping|tags|tool|widget|cookie|newsletter|subscribe", Pattern.CASE_INSENSITIVE);
    /** Subheadings: a weak match ({@code class="header-anchor"}) does not make one chrome. */
    private static final String HEADINGS = "h2, h3, h4, h5, h6";
    private static final Evaluator HEADINGS_QUERY = QueryParser.parse(HEADINGS);
    private static final Evaluator PROTECTED_QUERY = QueryParser.parse(PROTECTED);
    private static final Evaluator HIDDEN_OR_CHROME_QUERY = QueryParser.parse(HIDDEN_OR_CHROME);
    private static final Evaluator HEADLINE_MICRODATA_QUERY = QueryParser.parse(HEADLINE_MICRODATA);
    private static final Evaluator HIDDEN_FROM_SCREEN_READERS_QUERY = QueryParser.parse(HIDDEN_FROM_SCREEN_READERS);
    private static final Set<String> NON_CONTENT_TAG_NAMES = Set.of(NON_CONTENT_TAGS.split(",\\s*"));
    /**
     * The patterns' verdicts by class-and-id string: pages repeat their class names (cards, list items) and
     * a site repeats them on every page, so most lookups skip the regular expressions. Cleared when full.
     */
    private static final Map<String, NameMatch> NAME_MATCHES = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_NAMES = 50_000;
    /** {@link #classWeight}'s verdicts by class or id string, for the same reason. */
    private static final Map<String, Integer> NAME_WEIGHTS = new ConcurrentHashMap<>();
    private static final Set<String> ALWAYS_PROTECTED_TAGS = Set.of("html", "body", "main");

    private Boilerplate() {
    }

    /**
     * A copy of {@code root} without non-content tags and hidden or landmark chrome, keeping forms that hold
     * the page; {@code root} is not modified. The copy is made in one walk that leaves out what would be
     * removed from a full copy, so a mega menu or a page of scripts is never copied only to be dropped: a
     * form that holds three paragraphs or more is unwrapped (its content kept in its place), a non-content
     * tag and an element hidden or marked as a landmark of chrome are left out with their content, unless
     * they are {@link #PROTECTED}. Then, in the copy, elements hidden from screen readers are removed unless
     * they hold article text, and headline microdata unless it holds the article.
     */
    static Element prunedCopy(Element root) {
        Element copy = root.shallowClone();
        List<Element> hiddenFromScreenReaders = new ArrayList<>();
        List<Element> headlineMicrodata = new ArrayList<>();
        Deque<Element> copies = new ArrayDeque<>();
        Deque<Node> copied = new ArrayDeque<>();
        copies.push(copy);
        copied.push(root);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == root) {
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    copies.peek().appendChild(node.shallowClone());
                    return FilterResult.CONTINUE;
                }
                if (e.nameIs("form") && e.getElementsByTag("p").size() >= 3) {
                    return FilterResult.CONTINUE; // unwrapped: its children go where it was
                }
                if (isLeftOut(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                Element elementCopy = e.shallowClone();
                copies.peek().appendChild(elementCopy);
                copies.push(elementCopy);
                copied.push(e);
                if (e.attributesSize() > 0) {
                    if (e.hasAttr("aria-hidden") && e.is(HIDDEN_FROM_SCREEN_READERS_QUERY)) {
                        hiddenFromScreenReaders.add(elementCopy);
                    }
                    if (e.hasAttr("itemprop") && e.is(HEADLINE_MICRODATA_QUERY)) {
                        headlineMicrodata.add(elementCopy);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node != root && copied.peek() == node) {
                    copied.pop();
                    copies.pop();
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        hiddenFromScreenReaders.stream().filter(e -> isIn(e, copy) && !e.is(PROTECTED_QUERY) && !holdsArticleText(e))
                .toList().forEach(Element::remove);
        headlineMicrodata.stream()
                .filter(e -> isIn(e, copy) && e.select(PROTECTED_QUERY).isEmpty() && e.text().length() < 400)
                .toList().forEach(Element::remove);
        return copy;
    }

    /** A non-content tag, or hidden, or a landmark of chrome, and not protected: left out of the copy with its content. */
    private static boolean isLeftOut(Element e) {
        boolean chrome = NON_CONTENT_TAG_NAMES.contains(e.normalName())
                || e.attributesSize() > 0 && (e.hasAttr("hidden") || e.hasAttr("style") || e.hasAttr("role"))
                && e.is(HIDDEN_OR_CHROME_QUERY);
        return chrome && !e.is(PROTECTED_QUERY);
    }

    /** Whether {@code element} is still in the tree under {@code root}, not in a subtree removed from it. */
    private static boolean isIn(Element element, Element root) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e == root) {
                return true;
            }
        }
        return false;
    }

    /** Removes the elements whose class or id look like chrome, strongly or weakly, as described on the class. */
    static void removeUnlikely(Element root) {
        remove(root, true);
    }

    /** Removes the elements whose class or id strongly look like chrome. */
    static void removeStronglyUnlikely(Element root) {
        remove(root, false);
    }

    private static void remove(Element root, boolean includeWeak) {
        Elements all = root.getAllElements();
        List<Element> protectedElements = new ArrayList<>();
        List<Element> articles = new ArrayList<>();
        for (Element e : all) {
            if (isProtected(e)) {
                protectedElements.add(e);
            }
            if (e.nameIs("article")) {
                articles.add(e);
            }
        }
        Set<Element> holdProtected = ancestorsOf(protectedElements);
        Set<Element> holdArticle = ancestorsOf(articles);
        all.stream()
                .filter(e -> !holdProtected.contains(e) && isUnlikely(e, includeWeak, holdArticle.contains(e)))
                .toList().forEach(Element::remove);
    }

    private static Set<Element> ancestorsOf(List<Element> elements) {
        Set<Element> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
        elements.forEach(e -> ancestors.addAll(e.parents()));
        return ancestors;
    }

    static boolean isUnlikely(Element element, boolean includeWeak, boolean holdsArticle) {
        if (element.attributesSize() == 0) {
            return false; // neither class nor id: the common case, decided without building a string
        }
        String names = classAndId(element);
        if (names.isBlank()) {
            return false;
        }
        NameMatch match = remembered(NAME_MATCHES, names, Boilerplate::match);
        if (!match.any() || isProtected(element)) {
            return false;
        }
        if (match.strong()) {
            return true;
        }
        if (match.guarded() && !holdsArticleText(element)) {
            return true;
        }
        boolean weak = includeWeak && match.weak();
        return weak && !element.nameIs("article") && !element.is(HEADINGS_QUERY) && !holdsArticle;
    }

    /**
     * Whether {@code element} matches {@link #PROTECTED}: its tags by name, its attribute selectors only for an
     * element that has one of their attributes (most elements have neither).
     */
    private static boolean isProtected(Element element) {
        return ALWAYS_PROTECTED_TAGS.contains(element.normalName())
                || (element.hasAttr("itemprop") || element.hasAttr("role")) && element.is(PROTECTED_QUERY);
    }

    /** What the class and id patterns say about one class-and-id string. */
    private record NameMatch(boolean strong, boolean guarded, boolean weak) {
        boolean any() {
            return strong || guarded || weak;
        }
    }

    private static NameMatch match(String names) {
        return new NameMatch(STRONG.matcher(names).find(), GUARDED.matcher(names).find(),
                WEAK.matcher(names).find() && !MAYBE_CONTENT.matcher(names).find());
    }

    /** Whether {@code element} holds enough text outside links to be (part of) the article. */
    private static boolean holdsArticleText(Element element) {
        int text = Texts.normalise(element.text()).length();
        if (text < GUARDED_TEXT_CHARS) {
            return false;
        }
        int linked = element.getElementsByTag("a").stream().mapToInt(a -> Texts.normalise(a.text()).length()).sum();
        return text - linked >= GUARDED_TEXT_CHARS;
    }

    /** Readability's class weight: +25 when the class or id look like content, -25 when they look like chrome. */
    static int classWeight(Element element) {
        if (element.attributesSize() == 0) {
            return 0;
        }
        int weight = nameWeight(element.className()) + nameWeight(element.id());
        return "articleBody".equals(element.attr("itemprop")) ? weight + 25 : weight;
    }

    /** The weight of one class or id string, remembered like {@link #NAME_MATCHES}. */
    private static int nameWeight(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        return remembered(NAME_WEIGHTS, name,
                n -> (NEGATIVE.matcher(n).find() ? -25 : 0) + (POSITIVE.matcher(n).find() ? 25 : 0));
    }

    /** The verdict on {@code name} from {@code verdicts}, worked out and kept when new; cleared when full. */
    private static <V> V remembered(Map<String, V> verdicts, String name, Function<String, V> verdict) {
        V known = verdicts.computeIfAbsent(name, verdict);
        if (verdicts.size() > MAX_REMEMBERED_NAMES) {
            verdicts.clear();
        }
        return known;
    }

    private static String classAndId(Element element) {
        return element.className() + " " + element.id();
    }
}
