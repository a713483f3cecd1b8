package io.newsmon.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local news site of the end-to-end tests: serves {@code src/test/resources/site} on 127.0.0.1 with
 * {@code {{base}}} in each file replaced by the server's address, and counts requests per path.
 */
final class FixtureSite implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "xml", "application/xml; charset=utf-8", "html", "text/html; charset=utf-8");

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> extra = new ConcurrentHashMap<>();
    private final AtomicInteger notModified = new AtomicInteger();

    FixtureSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many times {@code path} was requested. */
    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** How many requests were answered 304 Not Modified. */
    int notModified() {
        return notModified.get();
    }

    /** Serves {@code body} at {@code path} as well ({@code {{base}}} replaced as in the files). */
    void add(String path, String body) {
        extra.put("/site" + path, body);
    }

    /** Writes a copy of a test resource with {@code {{base}}} replaced, for files the command reads. */
    Path writeResource(String resource, Path dir) throws IOException {
        Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        Files.writeString(file, read(resource));
        return file;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String resource = "/site" + (path.endsWith("/") ? path + "index.html" : path);
        String body = read(resource);
        byte[] bytes = body == null ? "not found".getBytes(StandardCharsets.UTF_8) : body.getBytes(StandardCharsets.UTF_8);
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "text/plain"));
        if (body != null) {
            // Like most servers: an ETag per version, and 304 when the client has that version.
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
        }
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String read(String resource) throws IOException {
        if (extra.containsKey(resource)) {
            return extra.get(resource).replace("{{base}}", base());
        }
        try (InputStream in = FixtureSite.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
