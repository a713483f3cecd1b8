package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final String ARTICLE = "<html><head><title>Huawei</title></head><body><p>Café talks on export rules</p></body></html>";

    private LocalServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        fetcher = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void fetchesAPageDecodedWithTheCharsetOfTheContentTypeHeader() {
        server.serve("/a.html", "Text/HTML; charset=ISO-8859-1", ARTICLE.getBytes(StandardCharsets.ISO_8859_1));

        FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(server.url("/a.html"));

        assertThat(page.url()).isEqualTo(server.url("/a.html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.charset()).isEqualTo("ISO-8859-1");
        assertThat(page.text()).isEqualTo(ARTICLE);
    }

    @Test
    void sendsItsUserAgentAndAsksForGzip() {
        AtomicReference<String> userAgent = new AtomicReference<>();
        AtomicReference<String> acceptEncoding = new AtomicReference<>();
        server.route("/a.html", exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            acceptEncoding.set(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            LocalServer.send(exchange, 200, "text/html", ARTICLE.getBytes(StandardCharsets.UTF_8));
        });

        fetcher.fetch(server.url("/a.html"));

        assertThat(userAgent.get()).isEqualTo("newsmon/0.1 (+https://github.com/newsmon/newsmon)");
        assertThat(acceptEncoding.get()).isEqualTo("gzip");
    }

    @Test
    void followsRedirectsAndGivesTheFinalUrl() {
        server.redirect("/old", 301, "/moved").redirect("/moved", 302, server.url("/new.html"))
                .serve("/new.html", "text/html; charset=utf-8", ARTICLE);

        FetchResult result = fetcher.fetch(server.url("/old"));

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(result.url()).isEqualTo(server.url("/new.html"));
        assertThat(((FetchResult.Fetched) result).text()).isEqualTo(ARTICLE);
    }

    @Test
    void detectsARedirectLoop() {
        server.redirect("/a", 302, "/b").redirect("/b", 307, "/a");

        FetchResult result = fetcher.fetch(server.url("/a"));

        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        assertThat(((FetchResult.Failed) result).reason()).startsWith("redirect loop: " + server.url("/a"));
        assertThat(server.hits("/a")).isEqualTo(1);
    }

    @Test
    void followsNoMoreThanMaxRedirects() {
        server.redirect("/1", 302, "/2").redirect("/2", 302, "/3").redirect("/3", 302, "/4")
                .serve("/4", "text/html", ARTICLE);
        FetchSettings twoRedirects = new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                1000, 2, "t", true);

        try (HttpFetcher strict = new HttpFetcher(twoRedirects)) {
            FetchResult.Failed failed = (FetchResult.Failed) strict.fetch(server.url("/1"));
            assertThat(failed.reason()).isEqualTo("more than 2 redirects (fetch maxRedirects), the last from " + server.url("/3"));
            assertThat(failed.status()).isEqualTo(302);
            assertThat(server.hits("/4")).isZero();
            assertThat(strict.fetch(server.url("/2"))).isInstanceOf(FetchResult.Fetched.class);
        }
    }

    @Test
    void reportsAStatusThatIsNotSuccess() {
        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(server.url("/missing.xml"));

        assertThat(failed.reason()).isEqualTo("HTTP status 404 from " + server.url("/missing.xml"));
        assertThat(failed.status()).isEqualTo(404);
        assertThat(failed.retryAfter()).isNull();
        assertThat(failed.permanent()).isTrue();
    }

    @Test
    void reportsARedirectWithoutLocation() {
        server.route("/moved", exchange -> LocalServer.send(exchange, 301, null, new byte[0]));

        assertThat(reason(fetcher.fetch(server.url("/moved"))))
                .isEqualTo("HTTP status 301 from " + server.url("/moved") + " has no Location header");
    }

    @Test
    void quotesAHostileLocationWithItsControlCharactersEscaped() {
        server.redirect("/moved", 302, "javascript:\u009b2J\u0085");

        String reason = reason(fetcher.fetch(server.url("/moved")));

        assertThat(reason).isEqualTo("redirect from " + server.url("/moved")
                + " to \"javascript:\\u009b2J\\u0085\", which is not an http(s) URL");
    }

    @Test
    void quotesAHeaderTheHttpClientRefusesWithItsEscapeSequencesEscaped() {
        server.redirect("/moved", 302, "javascript:\u001b]0;pwned\u0007\u001b[2J");

        String reason = reason(fetcher.fetch(server.url("/moved")));

        assertThat(reason).startsWith("fetching " + server.url("/moved") + " failed: ")
                .contains("javascript:\\u001b]0;pwned\\u0007\\u001b[2J")
                .doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void namesAUrlWithUserInfoAndATokenWithTheirSecretsMasked() {
        String url = server.url("/missing.xml?access_token=TOKEN9").replace("http://", "http://ann:PASSWORD@");

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(url);

        assertThat(failed.url()).as("the URL asked for, as it was").isEqualTo(url);
        assertThat(failed.reason()).isEqualTo("HTTP status 404 from "
                + server.url("/missing.xml?access_token=***").replace("http://", "http://ann:***@"));
    }

    @Test
    void aFailureReasonIsAlwaysSafeToPrintWhoeverBuiltIt() {
        FetchResult.Failed failed = new FetchResult.Failed("http://u:pw@h/", FailureKind.OTHER,
                "fetching http://u:pw@h/?sig=abc failed: \u001b[2J\u009b");

        assertThat(failed.reason()).isEqualTo("fetching http://u:***@h/?sig=*** failed: \\u001b[2J\\u009b");
    }

    @Test
    void refusesABodyOverTheLimit() {
        server.serve("/big.html", "text/html", "x".repeat(5000));

        try (HttpFetcher small = new HttpFetcher(settingsWithMaxBody(1000))) {
            FetchResult.Failed failed = (FetchResult.Failed) small.fetch(server.url("/big.html"));

            assertThat(failed.reason())
                    .isEqualTo("the body is larger than the limit of 1000 bytes (fetch maxBodyBytes) at " + server.url("/big.html"));
            assertThat(failed.status()).isEqualTo(200);
        }
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() {
        server.route("/stream.html", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("x".repeat(100).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException expected) {
                // the client hangs up once over the limit
            }
        });

        try (HttpFetcher small = new HttpFetcher(settingsWithMaxBody(1000))) {
            assertThat(reason(small.fetch(server.url("/stream.html")))).contains("larger than the limit of 1000 bytes");
        }
    }

    @Test
    void decodesAGzipBody() throws IOException {
        serveEncoded("/a.html", "gzip", gzip(ARTICLE.getBytes(StandardCharsets.UTF_8)));

        FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(server.url("/a.html"));

        assertThat(page.text()).isEqualTo(ARTICLE);
        assertThat(page.body()).isEqualTo(ARTICLE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesADeflateBody() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(ARTICLE.getBytes(StandardCharsets.UTF_8));
        }
        serveEncoded("/a.html", "deflate", out.toByteArray());

        assertThat(((FetchResult.Fetched) fetcher.fetch(server.url("/a.html"))).text()).isEqualTo(ARTICLE);
    }

    @Test
    void decodesARawDeflateBodyAsSomeServersSendIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflate.write(ARTICLE.getBytes(StandardCharsets.UTF_8));
        }
        serveEncoded("/a.html", "deflate", out.toByteArray());

        assertThat(((FetchResult.Fetched) fetcher.fetch(server.url("/a.html"))).text()).isEqualTo(ARTICLE);
    }

    @Test
    void reportsACorruptGzipBody() {
        serveEncoded("/a.html", "gzip", "not gzip at all".getBytes(StandardCharsets.UTF_8));

        assertThat(reason(fetcher.fetch(server.url("/a.html"))))
                .startsWith("cannot decode the gzip body of " + server.url("/a.html") + ": ");
    }

    @Test
    void decodesWithAByteOrderMarkWhenTheHeaderNamesNoCharset() {
        byte[] bom = {(byte) 0xFE, (byte) 0xFF};
        byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Café</title></rss>")
                .getBytes(StandardCharsets.UTF_16BE);
        byte[] body = new byte[bom.length + utf16.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(utf16, 0, body, bom.length, utf16.length);
        server.serve("/feed.xml", "application/rss+xml", body);

        FetchResult.Fetched feed = (FetchResult.Fetched) fetcher.fetch(server.url("/feed.xml"));

        assertThat(feed.charset()).isEqualTo("UTF-16BE");
        assertThat(feed.text()).startsWith("<?xml").contains("Café");
    }

    @Test
    void capsTheDecompressedSizeOfAGzipBody() throws IOException {
        byte[] bomb = gzip(new byte[200_000]);
        serveEncoded("/bomb.html", "gzip", bomb);

        try (HttpFetcher small = new HttpFetcher(settingsWithMaxBody(10_000))) {
            assertThat(bomb.length).isLessThan(10_000);
            assertThat(reason(small.fetch(server.url("/bomb.html"))))
                    .startsWith("the decompressed body is larger than the limit of 10000 bytes");
        }
    }

    @Test
    void refusesLoopbackAddressesUnlessAllowed() {
        server.serve("/a.html", "text/html", ARTICLE);

        try (HttpFetcher guarded = new HttpFetcher(FetchSettings.defaults())) {
            String reason = reason(guarded.fetch(server.url("/a.html")));

            assertThat(reason).contains("host 127.0.0.1 resolves to 127.0.0.1, a loopback address")
                    .contains("--allow-private-addresses");
        }
        assertThat(server.hits("/a.html")).isZero();
    }

    @Test
    void reportsAPortWhereNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch("http://127.0.0.1:" + port + "/feed.xml");

        assertThat(failed.reason()).startsWith("could not connect to 127.0.0.1:" + port);
        assertThat(failed.status()).isZero();
    }

    @Test
    void sendsTheUserAgentOfItsSettings() {
        server.serve("/a.html", "text/html", ARTICLE);
        String agent = FetchSettings.userAgentFor("mailto:ops@example.org");

        try (HttpFetcher named = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true).withUserAgent(agent))) {
            named.fetch(server.url("/a.html"));
        }

        assertThat(server.lastRequestHeaders("/a.html").getFirst("User-Agent")).isEqualTo("newsmon/0.1 (+mailto:ops@example.org)");
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThat(reason(fetcher.fetch("ftp://files.example.org/feed.xml")))
                .isEqualTo("\"ftp://files.example.org/feed.xml\" is not an absolute http(s) URL");
        assertThat(reason(fetcher.fetch("not a url"))).contains("is not an absolute http(s) URL");
    }

    private void serveEncoded(String path, String encoding, byte[] body) {
        server.route(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", encoding);
            LocalServer.send(exchange, 200, "text/html; charset=utf-8", body);
        });
    }

    private static FetchSettings settingsWithMaxBody(long maxBodyBytes) {
        return new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), maxBodyBytes, 5, "t", true);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static String reason(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        return ((FetchResult.Failed) result).reason();
    }
}
