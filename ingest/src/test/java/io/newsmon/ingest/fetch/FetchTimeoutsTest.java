package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connect, read (silence) and request (total) timeouts, against servers that stall on purpose. */
class FetchTimeoutsTest {
    private LocalServer server;
    private String hostPort;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        hostPort = server.base().substring("http://".length());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givesUpOnAServerThatSendsNoResponseWithinTheReadTimeout() {
        server.route("/slow.html", exchange -> sleep(10_000));

        FetchResult.Failed failed = fetch(timeouts(Duration.ofMillis(300), Duration.ofSeconds(5)), "/slow.html");

        assertThat(failed.reason()).isEqualTo(hostPort + " sent no response within 300 ms (fetch readTimeout) for "
                + server.url("/slow.html"));
        assertThat(failed.status()).isZero();
    }

    @Test
    void givesUpOnAServerThatFallsSilentInTheMiddleOfTheBody() {
        server.route("/stalls.html", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("<html><p>first part".getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(10_000);
        });

        FetchResult.Failed failed = fetch(timeouts(Duration.ofMillis(500), Duration.ofSeconds(5)), "/stalls.html");

        assertThat(failed.reason()).isEqualTo(hostPort + " sent nothing for 500 ms in the middle of the body (fetch readTimeout) of "
                + server.url("/stalls.html"));
        assertThat(failed.status()).isEqualTo(200);
    }

    @Test
    void givesUpOnABodyThatTricklesPastTheRequestTimeoutAndHangsUp() throws InterruptedException {
        CountDownLatch hungUp = new CountDownLatch(1);
        server.route("/trickle.html", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    sleep(100);
                }
            } catch (IOException expected) {
                hungUp.countDown();
            }
        });

        // Each byte comes well within the read timeout, which the whole body does not: only the total can stop it.
        FetchResult.Failed failed = fetch(timeouts(Duration.ofMillis(400), Duration.ofMillis(1000)), "/trickle.html");

        assertThat(failed.reason()).isEqualTo(hostPort + " did not send a complete response within 1 s (fetch requestTimeout) for "
                + server.url("/trickle.html"));
        assertThat(hungUp.await(5, TimeUnit.SECONDS)).as("the server saw the client hang up").isTrue();
    }

    @Test
    void countsTheRequestTimeoutFromTheFirstRequestAcrossRedirects() {
        for (int hop = 0; hop < 5; hop++) {
            String next = "/hop" + (hop + 1);
            server.route("/hop" + hop, exchange -> {
                sleep(200);
                exchange.getResponseHeaders().add("Location", next);
                LocalServer.send(exchange, 302, null, new byte[0]);
            });
        }

        // Every hop answers within the read timeout, but five of them take longer than the total.
        FetchResult.Failed failed = fetch(timeouts(Duration.ofSeconds(1), Duration.ofMillis(700)), "/hop0");

        assertThat(failed.reason()).contains(" (fetch requestTimeout) for " + server.url("/hop"))
                .endsWith(", counted from the request for " + server.url("/hop0"));
        assertThat(server.hits("/hop5")).isZero();
    }

    @Test
    void givesUpOnAHostThatDoesNotAcceptTheConnectionWithinTheConnectTimeout() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, loopback)) {
            List<Socket> queued = new ArrayList<>();
            try {
                // Linux drops new connections silently once the accept queue is full.
                assumeTrue(fillAcceptQueue(neverAccepts, queued), "the accept queue never filled up");
                int port = neverAccepts.getLocalPort();
                FetchSettings settings = new FetchSettings(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(5),
                        1000, 0, "t", true);

                try (HttpFetcher fetcher = new HttpFetcher(settings)) {
                    FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch("http://127.0.0.1:" + port + "/feed.xml");

                    assertThat(failed.reason())
                            .isEqualTo("could not connect to 127.0.0.1:" + port + " within 300 ms (fetch connectTimeout)");
                    assertThat(failed.status()).isZero();
                }
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    private static boolean fillAcceptQueue(ServerSocket listener, List<Socket> queued) throws IOException {
        for (int i = 0; i < 50; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), 200);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return true;
            }
        }
        return false;
    }

    private FetchResult.Failed fetch(FetchSettings settings, String path) {
        try (HttpFetcher fetcher = new HttpFetcher(settings)) {
            FetchResult result = fetcher.fetch(server.url(path));
            assertThat(result).isInstanceOf(FetchResult.Failed.class);
            return (FetchResult.Failed) result;
        }
    }

    private static FetchSettings timeouts(Duration read, Duration request) {
        return new FetchSettings(Duration.ofSeconds(1), read, request, 10_000, 5, "t", true);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
