package io.newsmon.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a stage's {@code /metrics} (Prometheus text format, from a Micrometer registry that also holds
 * the JVM's memory, GC, thread, CPU and uptime meters) and {@code /health} on one port of all interfaces.
 *
 * <p>{@code /health} runs every {@link HealthCheck} and answers 200 with {@code {"status":"UP",...}} when
 * all pass, else 503 with {@code "DOWN"}; each check is listed with its status and detail, for example
 * {@code {"status":"DOWN","checks":{"broker":{"status":"UP","detail":"127.0.0.1:9092, 1 node"},
 * "database":{"status":"DOWN","detail":"jdbc:postgresql://db/news: Connection refused"}}}}.
 *
 * <p>Example: {@code try (StatusServer status = StatusServer.start(9464, registry, Map.of("broker", check))) {...}}
 */
public final class StatusServer implements AutoCloseable {
    /** The address served unless another is given: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;
    private final Map<String, HealthCheck> checks;

    private StatusServer(HttpServer server, PrometheusMeterRegistry registry, Map<String, HealthCheck> checks) {
        this.server = server;
        this.registry = registry;
        this.checks = Map.copyOf(checks);
    }

    /** A registry with the JVM's meters, to which a stage adds its own. */
    public static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** Starts serving on {@code port} of the loopback address 127.0.0.1 (0 picks a free port). */
    public static StatusServer start(int port, PrometheusMeterRegistry registry, Map<String, HealthCheck> checks) {
        return start(LOOPBACK, port, registry, checks);
    }

    /**
     * Starts serving on {@code port} (0 picks a free one) of {@code bind}, an address of this machine such
     * as {@code 127.0.0.1} (this machine only) or {@code 0.0.0.0} (every interface, as a container needs).
     *
     * @throws UncheckedIOException naming the address and port when they cannot be opened
     */
    public static StatusServer start(String bind, int port, PrometheusMeterRegistry registry,
                                     Map<String, HealthCheck> checks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 0);
            StatusServer status = new StatusServer(server, registry, checks);
            server.createContext("/metrics", status::metrics);
            server.createContext("/health", status::health);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics and /health on " + bind + " port " + port + ": "
                    + e.getMessage() + " (is the port taken? give another --metrics-port; is " + bind
                    + " an address of this machine? give another --metrics-bind)", e);
        }
    }

    /** The address and port it listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void metrics(HttpExchange exchange) throws IOException {
        send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, HealthCheck> check : new java.util.TreeMap<>(checks).entrySet()) {
            HealthCheck.Health health;
            try {
                health = check.getValue().check();
            } catch (RuntimeException e) {
                health = HealthCheck.Health.down(e.toString());
            }
            up &= health.up();
            results.put(check.getKey(), Map.of("status", health.up() ? "UP" : "DOWN", "detail", health.detail()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", results);
        send(exchange, up ? 200 : 503, "application/json", Json.writeString(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
