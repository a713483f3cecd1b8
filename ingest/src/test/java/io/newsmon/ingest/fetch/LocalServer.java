package io.newsmon.ingest.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test HTTP server on 127.0.0.1 with a free port: exact paths mapped to handlers, 404 otherwise, and a
 * count of requests per path. Test-only.
 */
public final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Headers> lastRequestHeaders = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    /** An RSS 2.0 feed with one item per path, its title the path and its link {@link #url(String)} of it. */
    public String rss(String... paths) {
        StringBuilder items = new StringBuilder();
        for (String path : paths) {
            items.append("<item><title>").append(path).append("</title><link>").append(url(path)).append("</link></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>" + base()
                + "</link><description>d</description>" + items + "</channel></rss>";
    }

    public LocalServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Serves {@code body} at {@code path} with status 200 and {@code contentType}. */
    public LocalServer serve(String path, String contentType, byte[] body) {
        return route(path, exchange -> send(exchange, 200, contentType, body));
    }

    public LocalServer serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code path} with a redirect of {@code status} to {@code location}. */
    public LocalServer redirect(String path, int status, String location) {
        return route(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            send(exchange, status, null, new byte[0]);
        });
    }

    /** How many requests {@code path} got. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** The headers of the last request for {@code path}; empty when there was none. */
    public Headers lastRequestHeaders(String path) {
        return lastRequestHeaders.getOrDefault(path, new Headers());
    }

    /** The most requests this server handled at the same time. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        lastRequestHeaders.put(path, new Headers(exchange.getRequestHeaders()));
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        HttpHandler handler = routes.get(path);
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            if (handler == null) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(exchange);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
