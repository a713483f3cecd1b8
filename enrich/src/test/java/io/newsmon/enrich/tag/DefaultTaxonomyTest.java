package io.newsmon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newsmon.model.TopicTag;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Measures the bundled taxonomy against a labelled corpus written for this project. */
class DefaultTaxonomyTest {
    private static TopicTagger tagger;

    record Labelled(String title, String text, Set<String> topics) {
    }

    @BeforeAll
    static void buildTagger() {
        tagger = new TopicTagger(TopicsFile.bundled());
    }

    @AfterAll
    static void closeTagger() {
        tagger.close();
    }

    @Test
    void bundledTaxonomyHasTheDocumentedTopics() {
        assertThat(TopicsFile.bundled()).extracting(TopicDefinition::id).containsExactly("huawei", "export-controls",
                "network-security", "allies-5g", "telecom-regulation", "trade-war", "legal", "supply-chain", "congress");
    }

    @Test
    void tagsTheLabelledCorpusWithHighMicroPrecisionAndRecall() throws IOException {
        Scores tuning = measure("tuning set", corpus("labelled-articles.yml"), true);
        Scores holdout = measure("held-out set", corpus("labelled-articles-holdout.yml"), false);
        Scores all = tuning.plus(holdout);
        System.out.printf("taxonomy: all %d articles: micro precision %.3f, micro recall %.3f%n",
                all.articles(), all.precision(), all.recall());
        assertThat(all.articles()).isGreaterThanOrEqualTo(20);
        // The bar applies to the held-out set on its own, the figure that counts; the tuning set meets it too.
        assertThat(holdout.precision()).as("held-out micro precision").isGreaterThanOrEqualTo(0.9);
        assertThat(holdout.recall()).as("held-out micro recall").isGreaterThanOrEqualTo(0.9);
        assertThat(tuning.precision()).as("tuning-set micro precision").isGreaterThanOrEqualTo(0.9);
        assertThat(tuning.recall()).as("tuning-set micro recall").isGreaterThanOrEqualTo(0.9);
    }

    /**
     * Harder cases, in two halves written before any query was tuned on them: other countries' parliaments
     * and party congresses, passing mentions of allies in business stories, articles about a rival or a
     * supplier that name Huawei in passing, and actions against Huawei that name it once. Queries are tuned
     * on {@code labelled-articles-hard.yml} only. The bar of 0.9 applies to every held-out article together;
     * the hard half's own figures are held where they stand ({@link #HARD_HELD_OUT_PRECISION_FLOOR},
     * {@link #HARD_HELD_OUT_RECALL_FLOOR}) so that they can only go up.
     */
    @Test
    void hardCasesHeldOutBesideTuning() throws IOException {
        Scores tuning = measure("hard cases, tuning half", corpus("labelled-articles-hard.yml"), true);
        Scores holdout = measure("hard cases, held-out half", corpus("labelled-articles-hard-holdout.yml"), false);
        Scores allHeldOut = holdout.plus(measure("held-out set", corpus("labelled-articles-holdout.yml"), false));
        System.out.printf("taxonomy: every held-out article (%d): micro precision %.3f, micro recall %.3f (bar 0.9 each)%n",
                allHeldOut.articles(), allHeldOut.precision(), allHeldOut.recall());
        assertThat(tuning.articles()).isGreaterThanOrEqualTo(16);
        assertThat(holdout.articles()).isGreaterThanOrEqualTo(16);
        assertThat(holdout.precision()).as("hard held-out micro precision").isGreaterThanOrEqualTo(HARD_HELD_OUT_PRECISION_FLOOR);
        assertThat(holdout.recall()).as("hard held-out micro recall").isGreaterThanOrEqualTo(HARD_HELD_OUT_RECALL_FLOOR);
        assertThat(allHeldOut.precision()).as("every held-out article: micro precision").isGreaterThanOrEqualTo(0.9);
        assertThat(allHeldOut.recall()).as("every held-out article: micro recall").isGreaterThanOrEqualTo(0.9);
        assertThat(tuning.precision()).as("hard tuning half: micro precision").isGreaterThanOrEqualTo(0.9);
        assertThat(tuning.recall()).as("hard tuning half: micro recall").isGreaterThanOrEqualTo(0.9);
    }

    static final double HARD_HELD_OUT_PRECISION_FLOOR = 0.95; // 0.929 when the cases were written, 1.000 now
    static final double HARD_HELD_OUT_RECALL_FLOOR = 0.83; // 0.542 when the cases were written, 0.833 now

    record Scores(int articles, int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        Scores plus(Scores other) {
            return new Scores(articles + other.articles, truePositives + other.truePositives,
                    falsePositives + other.falsePositives, falseNegatives + other.falseNegatives);
        }
    }

    /** Scores {@code corpus}; article by article only when {@code details} (never for a held-out set). */
    private static Scores measure(String name, List<Labelled> corpus, boolean details) {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (Labelled article : corpus) {
            List<TopicTag> tags = tagger.tag(article.title(), article.text());
            Set<String> found = new HashSet<>(tags.stream().map(TopicTag::id).toList());
            Set<String> missed = new HashSet<>(article.topics());
            missed.removeAll(found);
            Set<String> extra = new HashSet<>(found);
            extra.removeAll(article.topics());
            truePositives += found.size() - extra.size();
            falsePositives += extra.size();
            falseNegatives += missed.size();
            if (details && (!missed.isEmpty() || !extra.isEmpty())) {
                System.out.printf("taxonomy: \"%s\": missed %s, extra %s%n", article.title(), missed, extra);
                tags.stream().filter(t -> extra.contains(t.id()))
                        .forEach(t -> System.out.printf("taxonomy:   %s evidence %s%n", t.id(), t.evidence()));
            }
        }
        Scores scores = new Scores(corpus.size(), truePositives, falsePositives, falseNegatives);
        System.out.printf("taxonomy: %s: %d articles, %d labels: micro precision %.3f, micro recall %.3f%n",
                name, corpus.size(), truePositives + falseNegatives, scores.precision(), scores.recall());
        return scores;
    }

    @Test
    void passingMentionsAndSimilarCompaniesAreNotTagged() throws IOException {
        for (Labelled article : corpus("labelled-articles.yml")) {
            if (article.topics().isEmpty()) {
                assertThat(tagger.tag(article.title(), article.text())).as(article.title()).isEmpty();
            }
        }
    }

    static List<Labelled> corpus(String resource) throws IOException {
        try (InputStream in = DefaultTaxonomyTest.class.getResourceAsStream(resource)) {
            JsonNode root = new YAMLMapper().readTree(in);
            List<Labelled> articles = new ArrayList<>();
            for (JsonNode node : root.get("articles")) {
                Set<String> topics = new HashSet<>();
                node.get("topics").forEach(t -> topics.add(t.asText()));
                articles.add(new Labelled(node.get("title").asText(), node.get("text").asText(), topics));
            }
            return articles;
        }
    }
}
