package io.newsmon.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * A news site that publishes articles at a steady rate while it runs, for measuring pipeline freshness.
 * Article {@code A} appears at {@code start + A / rate} in feed {@code A % feeds}; each feed has a host of
 * its own ({@code 127.0.1.F}) and lists its newest {@value #LISTED} articles. Every article has a text of
 * its own, drawn from a word list with the article's number as seed, so the duplicate detector keeps
 * them apart. The JDK {@link HttpServer} listens on the wildcard address, so every loopback address
 * reaches it; it answers on virtual threads.
 *
 * <p>Example: {@code try (GrowingSite site = GrowingSite.start(20, 20.0)) { site.open(); ... site.published(); }}
 */
final class GrowingSite implements AutoCloseable {
    /** How many articles a feed lists, newest first. */
    static final int LISTED = 20;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String[] WORDS = {
        "trade", "talks", "resumed", "after", "officials", "said", "the", "new", "rules", "would", "limit", "exports",
        "of", "chips", "network", "equipment", "carriers", "regulators", "court", "ruling", "appeal", "lawmakers",
        "vote", "bill", "senate", "committee", "hearing", "company", "shares", "fell", "rose", "quarter", "revenue",
        "smartphone", "sales", "market", "analysts", "expect", "growth", "security", "review", "found", "risks",
        "operators", "replace", "gear", "deadline", "funding", "program", "agency", "licence", "suppliers", "deal",
        "factory", "plant", "investment", "billion", "dollars", "tariffs", "import", "duties", "minister", "spoke",
        "reporters", "statement", "tuesday", "week", "month", "year", "government", "allies", "decision", "ban",
        "software", "update", "platform", "developers", "research", "engineers", "design", "standard", "spectrum"};

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final int feeds;
    private final double rate;
    private volatile Instant start;
    private volatile Instant stop;

    private GrowingSite(HttpServer server, int feeds, double rate) {
        this.server = server;
        this.feeds = feeds;
        this.rate = rate;
    }

    /** Starts serving {@code feeds} feeds (at most 250), empty until {@link #open()}. */
    static GrowingSite start(int feeds, double rate) throws IOException {
        if (feeds < 1 || feeds > 250) {
            throw new IllegalArgumentException("feeds " + feeds + " is out of range: must be 1 to 250");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 1024);
        GrowingSite site = new GrowingSite(server, feeds, rate);
        server.createContext("/", site::serve);
        server.setExecutor(site.threads);
        server.start();
        return site;
    }

    /** Starts publishing, one article every {@code 1 / rate} seconds. */
    void open() {
        start = Instant.now();
    }

    /** Stops publishing: the articles published so far stay listed. */
    void stopPublishing() {
        stop = Instant.now();
    }

    /** The articles published so far. */
    int published() {
        Instant from = start;
        if (from == null) {
            return 0;
        }
        Instant until = stop == null ? Instant.now() : stop;
        return (int) Math.max(0, Math.floor(Duration.between(from, until).toNanos() / 1e9 * rate) + 1);
    }

    /** The URL of every feed. */
    List<String> feedUrls() {
        return IntStream.range(0, feeds).mapToObj(f -> base(f) + "/feeds/" + f + ".xml").toList();
    }

    private String base(int feed) {
        return "http://127.0.1." + (feed + 1) + ":" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
                send(exchange, "application/rss+xml; charset=utf-8", feed(number(path, "/feeds/", ".xml")));
            } else if (path.startsWith("/articles/") && path.endsWith(".html")) {
                send(exchange, "text/html; charset=utf-8", article(number(path, "/articles/", ".html")));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (NumberFormatException e) {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private String feed(int feed) {
        int newest = published() - 1;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Growing feed " + feed + "</title><link>" + base(feed) + "/</link><description>bench</description>");
        int last = newest - Math.floorMod(newest - feed, feeds);
        for (int article = last, listed = 0; article >= 0 && listed < LISTED; article -= feeds, listed++) {
            xml.append("<item><title>Article ").append(article).append("</title><link>").append(base(feed))
                    .append("/articles/").append(article).append(".html</link><pubDate>")
                    .append(RFC_1123.format(publishedAt(article))).append("</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private Instant publishedAt(int article) {
        return start.plusNanos((long) (article / rate * 1e9));
    }

    private static String article(int article) {
        SplittableRandom random = new SplittableRandom(article);
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Article ").append(article)
                .append("</title></head><body><main><article><h1>Article ").append(article).append("</h1>");
        for (int paragraph = 0; paragraph < 6; paragraph++) {
            html.append("<p>");
            for (int word = 0; word < 60; word++) {
                html.append(WORDS[random.nextInt(WORDS.length)]).append(word == 59 ? ".</p>" : " ");
            }
        }
        return html.append("</article></main></body></html>").toString();
    }

    private static int number(String path, String prefix, String suffix) {
        return Integer.parseInt(path.substring(prefix.length(), path.length() - suffix.length()));
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
