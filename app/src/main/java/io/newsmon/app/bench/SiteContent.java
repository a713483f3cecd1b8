package io.newsmon.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The documents of the synthetic site: RSS 2.0 feeds and article pages of news-like HTML, made up of
 * deterministic pseudo-English so that two runs serve the same bytes.
 *
 * <p>An article page is its own head (title, byline, headline; a few hundred bytes) followed by one of
 * {@link #VARIANTS} shared bodies of paragraphs, so that ten thousand 30 KB pages cost the server
 * {@code VARIANTS} bodies of memory rather than 300 MB, yet no two pages are identical.
 */
final class SiteContent {
    /** How many different article bodies there are. */
    static final int VARIANTS = 8;

    private static final String[] WORDS = {
        "the", "council", "said", "on", "tuesday", "that", "a", "new", "report", "shows", "rising", "costs", "for",
        "residents", "in", "the", "city", "and", "its", "suburbs", "officials", "expect", "further", "talks", "with",
        "regional", "government", "before", "budget", "vote", "next", "month", "according", "to", "documents",
        "seen", "by", "reporters", "energy", "prices", "market", "analysts", "warned", "investors", "about",
        "growth", "housing", "transport", "schools", "hospital", "election", "minister", "spokesperson", "data",
        "climate", "policy", "court", "ruling", "union", "workers", "strike", "company", "shares", "quarter",
        "profits", "police", "investigation", "weather", "storm", "flooding", "bridge", "railway", "airport",
        "festival", "museum", "university", "research", "study", "found", "percent", "than", "last", "year"};
    private static final Instant NEWEST = Instant.parse("2026-01-15T12:00:00Z");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String TAIL = "</div></article></main><footer><p>&copy; 2026 Bench Gazette."
            + " <a href=\"/about\">About</a> <a href=\"/privacy\">Privacy</a></p></footer></body></html>\n";
    /** Room left in each page for its head; heads are shorter, so pages come out a little under size. */
    private static final int HEAD_ROOM = 700;

    private final SiteShape shape;
    private final int port;
    private final byte[][] bodies = new byte[VARIANTS][];

    /**
     * @param shape how many feeds and articles, and how large the pages
     * @param port  the port in the links
     */
    SiteContent(SiteShape shape, int port) {
        this.shape = shape;
        this.port = port;
        for (int variant = 0; variant < VARIANTS; variant++) {
            bodies[variant] = bodyOf(variant, Math.max(shape.pageBytes() - HEAD_ROOM, 256));
        }
    }

    /** The URL of feed {@code feed}, on its host. */
    String feedUrl(int feed) {
        return base(feed) + "/feeds/" + feed + ".xml";
    }

    /** The RSS 2.0 document of feed {@code feed}, listing its articles newest first. */
    byte[] feed(int feed) {
        StringBuilder xml = new StringBuilder(512 + shape.articlesOf(feed) * 400)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Bench Gazette feed ").append(feed).append("</title>")
                .append("<link>").append(base(feed)).append("/</link>")
                .append("<description>Synthetic feed ").append(feed).append(" of newsmon bench</description>\n");
        for (int index = 0; index < shape.articlesOf(feed); index++) {
            int article = shape.article(feed, index);
            String url = articleUrl(article);
            xml.append("<item><title>").append(title(article)).append("</title><link>").append(url)
                    .append("</link><guid isPermaLink=\"true\">").append(url).append("</guid><pubDate>")
                    .append(RFC_1123.format(published(article))).append("</pubDate><description>")
                    .append(sentence(new SplittableRandom(article), 24)).append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The start of article {@code article}'s page, up to its body. */
    byte[] articleHead(int article) {
        String title = title(article);
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " | Bench Gazette</title><meta name=\"description\" content=\"" + title + "\">"
                + "<link rel=\"canonical\" href=\"" + articleUrl(article) + "\">"
                + "<meta property=\"article:published_time\" content=\"" + published(article) + "\"></head>\n"
                + "<body><header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a>"
                + "</nav></header><main><article><h1>" + title + "</h1><p class=\"byline\">By Bench Reporter "
                + article % 97 + ", <time datetime=\"" + published(article) + "\">" + published(article)
                + "</time></p><div class=\"story\">\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The rest of article {@code article}'s page: its paragraphs and the page's end; shared, not copied. */
    byte[] articleBody(int article) {
        return bodies[article % VARIANTS];
    }

    /** The bytes held for the article bodies. */
    long bodyBytes() {
        long sum = 0;
        for (byte[] body : bodies) {
            sum += body.length;
        }
        return sum;
    }

    private String base(int feed) {
        return "http://" + SiteShape.address(shape.hostOf(feed)) + ":" + port;
    }

    private String articleUrl(int article) {
        return base(shape.feedOf(article)) + "/articles/" + article + ".html";
    }

    private static String title(int article) {
        String words = sentence(new SplittableRandom(-1 - article), 7);
        return "Article " + article + ": " + words.substring(0, words.length() - 1);
    }

    private static Instant published(int article) {
        return NEWEST.minusSeconds(60L * article);
    }

    private static byte[] bodyOf(int variant, int bytes) {
        SplittableRandom random = new SplittableRandom(variant);
        StringBuilder html = new StringBuilder(bytes + 1024);
        while (html.length() < bytes - TAIL.length()) {
            html.append("<p>");
            for (int sentences = 3 + random.nextInt(4); sentences > 0; sentences--) {
                html.append(sentence(random, 8 + random.nextInt(14))).append(' ');
            }
            html.setLength(html.length() - 1);
            html.append("</p>\n");
        }
        return html.append(TAIL).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A capitalised sentence of {@code words} words ending with a full stop. */
    private static String sentence(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return text.append('.').toString();
    }
}
