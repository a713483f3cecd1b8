package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TestPostgres;
import io.newsmon.testkit.TopicContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real broker and real databases: a local site with an RSS feed, an Atom feed
 * and an HTML listing page, {@code newsmon run --once}, then what was stored and what the topic topics hold.
 */
class EndToEndIT {
    private static final List<String> CHROME = List.of("Accept all cookies", "We use cookies", "Related stories",
            "Chipmakers brace", "Subscribe to our newsletter", "kestrel_77", "Who pays for all of this",
            "All rights reserved", "Privacy policy", "Share on LinkedIn", "Most read", "Advertisement");

    @TempDir
    Path dir;
    private TestKafka kafka;
    private FixtureSite site;

    @BeforeEach
    void start() {
        kafka = TestKafka.start();
        site = new FixtureSite();
    }

    @AfterEach
    void stop() {
        site.close();
        kafka.close();
    }

    @Test
    void storesEveryArticleOnceTaggedWithBodyTextAndWithoutChrome() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("news.db");
        Cli.Result run = runOnce(db);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("feeds      3 (0 failed, 0 not modified)").contains("stored     6 new");

        Map<String, JsonNode> byPath = byPath(Cli.export(db));
        assertThat(byPath).containsOnlyKeys("/articles/commerce-entity-list.html", "/articles/uk-5g-deadline.html",
                "/articles/fcc-rural-subsidies.html", "/articles/senators-licences.html",
                "/articles/bakery-award.html", "/partner/uk-huawei-5g.html");
        assertThat(topics(byPath, "/articles/commerce-entity-list.html")).containsExactly("export-controls");
        assertThat(topics(byPath, "/articles/fcc-rural-subsidies.html")).containsExactly("telecom-regulation", "congress");
        assertThat(topics(byPath, "/articles/senators-licences.html")).containsExactly("export-controls", "congress");
        assertThat(topics(byPath, "/articles/bakery-award.html")).isEmpty();
        for (var entry : byPath.entrySet()) {
            assertBodyWithoutChrome(entry.getKey(), entry.getValue());
        }
        assertOneIsDuplicateOfTheOther(byPath.get("/articles/uk-5g-deadline.html"), byPath.get("/partner/uk-huawei-5g.html"));

        JsonNode commerce = byPath.get("/articles/commerce-entity-list.html");
        assertThat(commerce.get("title").asText()).isEqualTo("Commerce adds dozens of Huawei affiliates to the Entity List");
        assertThat(commerce.get("publishedAt").asText()).isEqualTo("2026-03-02T19:05:00Z");
        assertThat(commerce.get("author").asText()).isEqualTo("Dana Whitfield");
        assertThat(commerce.get("language").asText()).isEqualTo("en");
        // Linked from two feeds polled in parallel: the feed that claims it first is its source.
        assertThat(commerce.get("source").asText()).isIn("Wire Desk RSS", "Wire Desk latest");
        assertThat(site.hits("/articles/commerce-entity-list.html")).as("fetched once though linked twice").isEqualTo(1);
        assertThat(site.hits("/articles/fcc-rural-subsidies.html")).as("fetched once though linked twice").isEqualTo(1);

        assertThat(keysOf(KafkaTopics.forTag("export-controls"))).containsExactlyInAnyOrder(
                commerce.get("id").asText(), byPath.get("/articles/senators-licences.html").get("id").asText());
    }

    @Test
    void aSecondRunOverUnchangedFeedsGets304sAndPublishesNothing() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("news.db");
        assertThat(runOnce(db).exitCode()).isZero();
        List<JsonNode> first = Cli.export(db);

        Cli.Result again = runOnce(db);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("feeds      3 (0 failed, 3 not modified)")
                .contains("fetched    0 articles (0 failed)").contains("stored     0 new, 0 already stored");
        assertThat(site.notModified()).isEqualTo(3);
        assertThat(site.hits("/articles/commerce-entity-list.html")).isEqualTo(1);
        assertThat(Cli.export(db)).isEqualTo(first);
    }

    @Test
    void aRetitledCopyOnASecondSiteAfterARestartIsLinkedToTheOriginalAndARerunAddsNothing() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("news.db");
        assertThat(runOnce(db).exitCode()).isZero();
        Map<String, JsonNode> first = byPath(Cli.export(db));
        JsonNode original = first.get("/articles/uk-5g-deadline.html").get("duplicateOf").isNull()
                ? first.get("/articles/uk-5g-deadline.html") : first.get("/partner/uk-huawei-5g.html");
        // A second site (the same server under another host name) republishes the story with a new
        // headline and its own chrome; the Wire Desk feed links to it, behind tracking parameters.
        String secondSite = site.base().replace("127.0.0.1", "localhost");
        site.add("/syndicated/huawei-5g-2027.html", syndicatedCopy());
        site.add("/feeds/rss.xml", rssWithItem(secondSite + "/syndicated/huawei-5g-2027.html?utm_source=rss&amp;utm_medium=syndication"));

        Cli.Result second = runOnce(db);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("stored     1 new");
        Map<String, JsonNode> after = byPath(Cli.export(db));
        JsonNode copy = after.get("/syndicated/huawei-5g-2027.html");
        assertThat(copy).as("stored, linked, not lost").isNotNull();
        assertThat(copy.get("url").asText()).isEqualTo(secondSite + "/syndicated/huawei-5g-2027.html");
        assertThat(copy.get("duplicateOf").asText()).isEqualTo(original.get("id").asText());
        assertThat(copy.get("similarity").asDouble()).isBetween(0.6, 1.0);
        assertThat(copy.get("title").asText()).isEqualTo("Huawei must leave British 5G networks by 2027");

        Cli.Result third = runOnce(db);
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(third.out()).contains("stored     0 new");
        assertThat(Cli.export(db)).hasSize(after.size());
    }

    /** The partner's copy of the UK story as a third site would republish it: new headline, new chrome. */
    private static String syndicatedCopy() throws Exception {
        String partner = new String(EndToEndIT.class.getResourceAsStream("/site/partner/uk-huawei-5g.html").readAllBytes(),
                StandardCharsets.UTF_8);
        return partner.replace("UK orders operators to remove Huawei from 5G by 2027", "Huawei must leave British 5G networks by 2027")
                .replace("Partner Daily", "Syndicate Weekly")
                .replace("<body>", "<body><nav><a href=\"/\">Syndicate Weekly home</a> <a href=\"/world\">World</a></nav>");
    }

    /** The Wire Desk RSS feed with one more item linking to {@code link}. */
    private static String rssWithItem(String link) throws Exception {
        String rss = new String(EndToEndIT.class.getResourceAsStream("/site/feeds/rss.xml").readAllBytes(),
                StandardCharsets.UTF_8);
        return rss.replace("  </channel>", """
                    <item>
                      <title>Huawei must leave British 5G networks by 2027</title>
                      <link>%s</link>
                      <pubDate>Fri, 06 Mar 2026 08:00:00 GMT</pubDate>
                      <guid isPermaLink="false">wire-1005</guid>
                    </item>
                  </channel>""".formatted(link));
    }

    @Test
    void postgresStoresTheSameArticlesAsSqlite() throws Exception {
        TestPostgres postgres = TestPostgres.start();
        Assumptions.assumeTrue(postgres != null, TestPostgres::whyUnavailable);
        try (postgres; TestKafka other = TestKafka.start()) {
            String sqlite = "jdbc:sqlite:" + dir.resolve("news.db");
            assertThat(runOnce(sqlite).exitCode()).isZero();
            // A broker of its own: on the first one, ingest knows every article and publishes nothing.
            Cli.Result run = runOnce(postgres.jdbcUrl(), other);
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<JsonNode> stored = Cli.export(postgres.jdbcUrl());
            assertThat(comparable(stored)).isEqualTo(comparable(Cli.export(sqlite)));
            assertThat(stored).filteredOn(row -> !row.get("duplicateOf").isNull()).hasSize(1);
            assertThat(Cli.export(postgres.jdbcUrl(), "--topic", "congress")).hasSize(2);
        }
    }

    private Cli.Result runOnce(String jdbcUrl) throws Exception {
        return runOnce(jdbcUrl, kafka);
    }

    private Cli.Result runOnce(String jdbcUrl, TestKafka broker) throws Exception {
        Path feeds = site.writeResource("/feeds.yml", dir);
        Path topics = site.writeResource("/topics.yml", dir);
        return Cli.execute("run", "--once", "--feeds", feeds.toString(), "--topics", topics.toString(),
                "--store", jdbcUrl, "--bootstrap-servers", broker.bootstrapServers(),
                "--allow-private-addresses", "--per-host-delay", "PT0S", "--drain-timeout", "PT2M");
    }

    private static Map<String, JsonNode> byPath(List<JsonNode> rows) {
        Map<String, JsonNode> byPath = new TreeMap<>();
        rows.forEach(row -> byPath.put(java.net.URI.create(row.get("url").asText()).getPath(), row));
        assertThat(byPath).as("one row per article").hasSize(rows.size());
        return byPath;
    }

    private static List<String> topics(Map<String, JsonNode> byPath, String path) {
        List<String> ids = new ArrayList<>();
        byPath.get(path).get("topics").forEach(t -> ids.add(t.asText()));
        return ids;
    }

    private static void assertBodyWithoutChrome(String path, JsonNode row) throws Exception {
        String text = row.get("text").asText();
        String expectedFile = path.startsWith("/partner/") ? "/site/articles/uk-5g-deadline.expected.txt"
                : "/site" + path.replace(".html", ".expected.txt");
        String expected = new String(EndToEndIT.class.getResourceAsStream(expectedFile).readAllBytes(), StandardCharsets.UTF_8);
        for (String paragraph : expected.strip().split("\n\n")) {
            assertThat(text).as(path).contains(paragraph);
        }
        for (String chrome : CHROME) {
            assertThat(text).as(path).doesNotContain(chrome);
        }
    }

    private static void assertOneIsDuplicateOfTheOther(JsonNode a, JsonNode b) {
        JsonNode duplicate = a.get("duplicateOf").isNull() ? b : a;
        JsonNode original = duplicate == a ? b : a;
        assertThat(original.get("duplicateOf").isNull()).as("the first copy is the original").isTrue();
        assertThat(duplicate.get("duplicateOf").asText()).isEqualTo(original.get("id").asText());
    }

    /** The keys of every committed record in {@code topic}, read to its end (the run is over: nothing more comes). */
    private List<String> keysOf(String topic) {
        return TopicContents.read(kafka.bootstrapServers(), topic, true).stream().map(ConsumerRecord::key).toList();
    }

    /** The rows without what legitimately differs between two runs (fetch time, which copy came first). */
    private static Set<String> comparable(List<JsonNode> rows) {
        return rows.stream().map(row -> String.join("|", row.get("url").asText(), row.get("title").asText(),
                        row.get("author").asText(), row.get("publishedAt").asText(), row.get("language").asText(),
                        row.get("text").asText(), row.get("topics").toString()))
                .collect(Collectors.toSet());
    }
}
