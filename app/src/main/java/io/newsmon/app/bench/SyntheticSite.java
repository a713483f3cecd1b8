package io.newsmon.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * A news site of many hosts in this process, for measuring ingest: the JDK {@link HttpServer} on a free
 * port of the wildcard address, so that every loopback address {@code 127.x.y.z} reaches it, serving
 * on virtual threads.
 *
 * <ul>
 *   <li>{@code /feeds/F.xml}: feed {@code F} as RSS 2.0 with an {@code ETag}; a request whose
 *       {@code If-None-Match} carries it gets 304 Not Modified without a body;</li>
 *   <li>{@code /articles/A.html}: article {@code A} as HTML of about {@link SiteShape#pageBytes()};</li>
 *   <li>{@code /robots.txt}: allows everything.</li>
 * </ul>
 * A feed or article asked for on another host than its own is 404, as is any other path. Every answer
 * waits {@link SiteShape#latency()} first. The feeds are built before the server starts, so serving one
 * only copies bytes; article pages are a small head built per request and a shared body.
 *
 * <p>Example: {@code try (SyntheticSite site = SyntheticSite.start(shape)) { ingest(site.feedUrls()); }}
 */
final class SyntheticSite implements AutoCloseable {
    private static final byte[] ROBOTS = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);

    /**
     * What the site has answered so far.
     *
     * @param feeds       feed requests answered with the feed
     * @param notModified feed requests answered 304 Not Modified
     * @param pages       article pages served
     * @param robots      {@code robots.txt} requests
     * @param notFound    requests answered 404
     * @param pageBytes   bytes of article pages served
     */
    record Counts(long feeds, long notModified, long pages, long robots, long notFound, long pageBytes) {
        /** All requests answered. */
        long requests() {
            return feeds + notModified + pages + robots + notFound;
        }

        /** What was answered since {@code before}. */
        Counts minus(Counts before) {
            return new Counts(feeds - before.feeds, notModified - before.notModified, pages - before.pages,
                    robots - before.robots, notFound - before.notFound, pageBytes - before.pageBytes);
        }
    }

    private final SiteShape shape;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final SiteContent content;
    private final byte[][] feeds;
    private final String[] etags;
    private final LongAdder feedsServed = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder pages = new LongAdder();
    private final LongAdder robots = new LongAdder();
    private final LongAdder notFound = new LongAdder();
    private final LongAdder pageBytes = new LongAdder();

    private SyntheticSite(SiteShape shape, HttpServer server) {
        this.shape = shape;
        this.server = server;
        this.content = new SiteContent(shape, server.getAddress().getPort());
        this.feeds = IntStream.range(0, shape.feeds()).parallel().mapToObj(content::feed).toArray(byte[][]::new);
        this.etags = IntStream.range(0, shape.feeds()).mapToObj(f -> "\"feed-" + f + "-v1\"").toArray(String[]::new);
    }

    /** Builds the site's feeds and starts serving them on a free port. */
    static SyntheticSite start(SiteShape shape) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 1024);
        SyntheticSite site = new SyntheticSite(shape, server);
        server.createContext("/", site::serve);
        server.setExecutor(site.threads);
        server.start();
        return site;
    }

    /** The URL of every feed, feed 0 first. */
    List<String> feedUrls() {
        return IntStream.range(0, shape.feeds()).mapToObj(content::feedUrl).toList();
    }

    /** What was answered so far. */
    Counts counts() {
        return new Counts(feedsServed.sum(), notModified.sum(), pages.sum(), robots.sum(), notFound.sum(),
                pageBytes.sum());
    }

    /** The bytes of documents this site holds in memory: the feeds and the shared article bodies. */
    long heldBytes() {
        long sum = content.bodyBytes();
        for (byte[] feed : feeds) {
            sum += feed.length;
        }
        return sum;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (shape.latency().isPositive()) {
                Thread.sleep(shape.latency());
            }
            String path = exchange.getRequestURI().getPath();
            int feed = number(path, "/feeds/", ".xml", shape.feeds());
            int article = number(path, "/articles/", ".html", shape.articles());
            if (feed >= 0 && onHostOf(exchange, feed)) {
                serveFeed(exchange, feed);
            } else if (article >= 0 && onHostOf(exchange, shape.feedOf(article))) {
                serveArticle(exchange, article);
            } else if (path.equals("/robots.txt")) {
                robots.increment();
                send(exchange, 200, "text/plain; charset=utf-8", ROBOTS);
            } else {
                notFound.increment();
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the site is stopping
        }
    }

    private void serveFeed(HttpExchange exchange, int feed) throws IOException {
        exchange.getResponseHeaders().set("ETag", etags[feed]);
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(etags[feed])) {
            notModified.increment();
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        feedsServed.increment();
        send(exchange, 200, "application/rss+xml; charset=utf-8", feeds[feed]);
    }

    private void serveArticle(HttpExchange exchange, int article) throws IOException {
        byte[] head = content.articleHead(article);
        byte[] body = content.articleBody(article);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, head.length + body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(head);
        out.write(body);
        pages.increment();
        pageBytes.add(head.length + body.length);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Whether the request came to the loopback address of the host that serves {@code feed}. */
    private boolean onHostOf(HttpExchange exchange, int feed) {
        return exchange.getLocalAddress().getAddress().getHostAddress().equals(SiteShape.address(shape.hostOf(feed)));
    }

    /** The number N of {@code prefix + N + suffix}, or -1 when the path is not that or N is not below {@code limit}. */
    private static int number(String path, String prefix, String suffix, int limit) {
        if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.length() <= prefix.length() + suffix.length()) {
            return -1;
        }
        String digits = path.substring(prefix.length(), path.length() - suffix.length());
        if (digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int number = Integer.parseInt(digits);
        return number < limit ? number : -1;
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
