package io.newsmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyntheticSiteTest {
    private final SiteShape shape = new SiteShape(4, 2, 10, 4 * 1024, Duration.ZERO);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SyntheticSite site;

    @BeforeEach
    void start() throws Exception {
        site = SyntheticSite.start(shape);
    }

    @AfterEach
    void stop() {
        site.close();
        client.close();
    }

    private HttpResponse<String> get(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void spreadsFeedsOverLoopbackHostsAndListsEachFeedsArticlesOnItsHost() throws Exception {
        assertThat(site.feedUrls()).hasSize(4);
        assertThat(site.feedUrls().get(1)).startsWith("http://127.0.0.2:").endsWith("/feeds/1.xml");
        assertThat(site.feedUrls().get(2)).startsWith("http://127.0.0.1:");

        String feed = get(site.feedUrls().get(1), null).body();
        String host = site.feedUrls().get(1).substring(0, site.feedUrls().get(1).indexOf("/feeds/"));
        assertThat(feed).contains("<link>" + host + "/articles/1.html</link>", "<link>" + host + "/articles/5.html</link>",
                "<link>" + host + "/articles/9.html</link>").doesNotContain("/articles/2.html");
    }

    @Test
    void answers304WithoutABodyWhenTheFeedsEtagIsSent() throws Exception {
        HttpResponse<String> first = get(site.feedUrls().get(0), null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get(site.feedUrls().get(0), etag);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(site.counts()).isEqualTo(new SyntheticSite.Counts(1, 1, 0, 0, 0, 0));
    }

    @Test
    void servesArticlesOfAboutThePageSizeOnlyOnTheirFeedsHost() throws Exception {
        String port = site.feedUrls().get(0).split(":")[2].split("/")[0];

        HttpResponse<String> page = get("http://127.0.0.2:" + port + "/articles/5.html", null);
        HttpResponse<String> elsewhere = get("http://127.0.0.1:" + port + "/articles/5.html", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<h1>Article 5: ", "<p>", "</html>").hasSizeBetween(3 * 1024, 5 * 1024);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsAShapeWithMoreHostsThanFeeds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SiteShape(2, 3, 10, 1024, Duration.ZERO))
                .withMessage("Invalid value 3 for --hosts: must be 1 to 2 (at most one host per feed, and at most 65024)");
    }
}
