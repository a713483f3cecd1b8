package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each {@link FailureKind} of a failed fetch, set by {@link HttpFetcher} where the failure happens. */
class FetchFailureKindsTest {
    private static final String PAGE = "<html><body><p>Export rules</p></body></html>";

    private LocalServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        fetcher = new HttpFetcher(settings(Duration.ofSeconds(5), 10_000, 5));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void aStatusOtherThanSuccessIsAnHttpStatusFailure() {
        server.route("/broken.xml", exchange -> LocalServer.send(exchange, 500, "text/plain", bytes("oops")));

        assertThat(kindOf("/missing.xml")).isEqualTo(FailureKind.HTTP_STATUS);
        assertThat(kindOf("/broken.xml")).isEqualTo(FailureKind.HTTP_STATUS);
    }

    @Test
    void a429AndA503WithRetryAfterAreThrottledButA503WithoutIsNot() {
        server.route("/busy", exchange -> LocalServer.send(exchange, 429, null, new byte[0]));
        server.route("/later", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            LocalServer.send(exchange, 503, null, new byte[0]);
        });
        server.route("/down", exchange -> LocalServer.send(exchange, 503, null, new byte[0]));

        assertThat(kindOf("/busy")).isEqualTo(FailureKind.THROTTLED);
        assertThat(kindOf("/later")).isEqualTo(FailureKind.THROTTLED);
        assertThat(kindOf("/down")).isEqualTo(FailureKind.HTTP_STATUS);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() {
        server.route("/slow.html", exchange -> sleep(10_000));

        try (HttpFetcher impatient = new HttpFetcher(settings(Duration.ofMillis(300), 10_000, 5))) {
            assertThat(((FetchResult.Failed) impatient.fetch(server.url("/slow.html"))).kind()).isEqualTo(FailureKind.TIMEOUT);
        }
    }

    @Test
    void aPortWhereNothingListensIsAConnectFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch("http://127.0.0.1:" + port + "/feed.xml");

        assertThat(failed.kind()).isEqualTo(FailureKind.CONNECT);
    }

    @Test
    void aHostThatDoesNotResolveIsADnsFailureWithOrWithoutTheAddressGuard() {
        String url = "http://no-such-host.invalid/feed.xml";

        try (HttpFetcher guarded = new HttpFetcher(FetchSettings.defaults())) {
            assertThat(((FetchResult.Failed) guarded.fetch(url)).kind()).isEqualTo(FailureKind.DNS);
        }
        assertThat(((FetchResult.Failed) fetcher.fetch(url)).kind()).isEqualTo(FailureKind.DNS);
    }

    @Test
    void httpsToAServerThatAnswersInPlainHttpIsATlsFailure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerInPlainHttp(plain));

            FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch("https://127.0.0.1:" + plain.getLocalPort() + "/a.html");

            assertThat(failed.kind()).isEqualTo(FailureKind.TLS);
        }
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        server.serve("/big.html", "text/html", "x".repeat(20_000));

        assertThat(kindOf("/big.html")).isEqualTo(FailureKind.TOO_LARGE);
    }

    @Test
    void aCorruptOrUnknownContentEncodingIsADecodingFailure() {
        server.route("/corrupt.html", exchange -> encoded(exchange, "gzip"));
        server.route("/brotli.html", exchange -> encoded(exchange, "br"));

        assertThat(kindOf("/corrupt.html")).isEqualTo(FailureKind.DECODING);
        assertThat(kindOf("/brotli.html")).isEqualTo(FailureKind.DECODING);
    }

    @Test
    void aLoopTooManyHopsOrNoLocationAreRedirectFailures() {
        server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");
        server.redirect("/1", 302, "/2").redirect("/2", 302, "/3").redirect("/3", 302, "/4").serve("/4", "text/html", PAGE);
        server.route("/nowhere", exchange -> LocalServer.send(exchange, 301, null, new byte[0]));

        assertThat(kindOf("/a")).isEqualTo(FailureKind.REDIRECTS);
        assertThat(kindOf("/nowhere")).isEqualTo(FailureKind.REDIRECTS);
        try (HttpFetcher strict = new HttpFetcher(settings(Duration.ofSeconds(5), 10_000, 2))) {
            assertThat(((FetchResult.Failed) strict.fetch(server.url("/1"))).kind()).isEqualTo(FailureKind.REDIRECTS);
        }
    }

    @Test
    void aLoopbackAddressRefusedByTheGuardIsAPrivateAddressFailure() {
        server.serve("/a.html", "text/html", PAGE);

        try (HttpFetcher guarded = new HttpFetcher(FetchSettings.defaults())) {
            assertThat(((FetchResult.Failed) guarded.fetch(server.url("/a.html"))).kind()).isEqualTo(FailureKind.PRIVATE_ADDRESS);
        }
    }

    @Test
    void whatIsNotAnHttpUrlIsAnInvalidUrl() {
        assertThat(((FetchResult.Failed) fetcher.fetch("ftp://files.example.org/feed.xml")).kind())
                .isEqualTo(FailureKind.INVALID_URL);
        assertThat(((FetchResult.Failed) fetcher.fetch("not a url")).kind()).isEqualTo(FailureKind.INVALID_URL);
    }

    @Test
    void aFetchOnAnInterruptedThreadIsInterrupted() {
        server.route("/slow.html", exchange -> sleep(2_000));

        Thread.currentThread().interrupt();
        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(server.url("/slow.html"));
        boolean stillInterrupted = Thread.interrupted();

        assertThat(failed.kind()).isEqualTo(FailureKind.INTERRUPTED);
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void aConnectionClosedWithoutAResponseIsOther() {
        server.route("/hangs-up", exchange -> {
            throw new IOException("the handler gives up: the server closes the connection");
        });

        assertThat(kindOf("/hangs-up")).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void classifiesExchangeErrorsByTheirType() {
        assertThat(FetchFailures.kind(new HttpConnectTimeoutException("HTTP connect timed out"))).isEqualTo(FailureKind.TIMEOUT);
        assertThat(FetchFailures.kind(new HttpTimeoutException("request timed out"))).isEqualTo(FailureKind.TIMEOUT);
        assertThat(FetchFailures.kind(new ConnectException())).isEqualTo(FailureKind.CONNECT);
        assertThat(FetchFailures.kind(new IOException("x", new UnresolvedAddressException()))).isEqualTo(FailureKind.DNS);
        assertThat(FetchFailures.kind(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(FailureKind.TLS);
        assertThat(FetchFailures.kind(new BodyTooLargeException("the body", 10))).isEqualTo(FailureKind.TOO_LARGE);
        assertThat(FetchFailures.kind(new IOException("connection reset"))).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void separatesFetchFailuresFromUselessDocumentsAndTagsInLowerCase() {
        assertThat(FailureKind.PRIVATE_ADDRESS.tag()).isEqualTo("private_address");
        assertThat(FailureKind.HTTP_STATUS.fetchFailure()).isTrue();
        assertThat(FailureKind.NOT_A_FEED.fetchFailure()).isFalse();
        assertThat(FailureKind.NOT_HTML.fetchFailure()).isFalse();
        assertThat(FailureKind.ofStatus(404, Duration.ofSeconds(5))).isEqualTo(FailureKind.HTTP_STATUS);
        assertThat(FailureKind.ofStatus(503, Duration.ofSeconds(5))).isEqualTo(FailureKind.THROTTLED);
    }

    private FailureKind kindOf(String path) {
        FetchResult result = fetcher.fetch(server.url(path));
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        return ((FetchResult.Failed) result).kind();
    }

    private static void encoded(HttpExchange exchange, String encoding) throws IOException {
        exchange.getResponseHeaders().add("Content-Encoding", encoding);
        LocalServer.send(exchange, 200, "text/html", bytes("not compressed at all"));
    }

    /**
     * Answers each connection's TLS ClientHello with a plain HTTP response, then hangs up: every connection,
     * since the client may try again on a new one after the first failed.
     */
    private static void answerInPlainHttp(ServerSocket plain) {
        while (!plain.isClosed()) {
            try (Socket socket = plain.accept(); OutputStream out = socket.getOutputStream()) {
                socket.getInputStream().read(new byte[512]);
                out.write(bytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
            } catch (IOException e) {
                // the client hung up first, or the test closed the socket: the test reports what it got
            }
        }
    }

    private static FetchSettings settings(Duration readTimeout, long maxBodyBytes, int maxRedirects) {
        return new FetchSettings(Duration.ofSeconds(5), readTimeout, Duration.ofSeconds(10), maxBodyBytes, maxRedirects,
                "t", true);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
