package io.newsmon.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.model.ArticleId;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Near-duplicate detection on the labelled pairs in {@code dedup/pairs/}: each {@code near-*} folder holds
 * two pages of one article (syndicated, retitled, one paragraph changed, another intro or sign-off, other
 * chrome), each {@code distinct-*} folder two different articles that look alike (same event, same
 * template, shared boilerplate, follow-ups, recurring formats). The pages go through the extractor and
 * {@link Duplicates}, as in the enrich stage. The bars: precision 1.0 (no distinct pair merged) and recall
 * at least 0.95. The test prints each pair's estimated and exact shingle similarity, from which
 * {@link Duplicates}'s thresholds were set.
 */
class DuplicateCorpusTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final TextExtractor EXTRACTOR = new TextExtractor();

    record Pair(String name, boolean near, String textA, String textB) {
    }

    @Test
    void detectsNearDuplicatesWithoutMergingLookAlikes() throws Exception {
        List<Pair> pairs = pairs();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> report = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Pair pair : pairs) {
            Duplicates duplicates = new Duplicates(Duration.ofDays(30));
            Fingerprint a = Fingerprinter.of(pair.textA());
            Fingerprint b = Fingerprinter.of(pair.textB());
            duplicates.check(ArticleId.hash(pair.name() + "/a"), a, NOW);
            boolean found = duplicates.check(ArticleId.hash(pair.name() + "/b"), b, NOW)
                    instanceof Duplicates.Verdict.NearDuplicate;
            truePositives += pair.near() && found ? 1 : 0;
            falsePositives += !pair.near() && found ? 1 : 0;
            falseNegatives += pair.near() && !found ? 1 : 0;
            String line = String.format(Locale.ROOT, "  %-47s estimated %.3f (needs %.2f) exact %.3f shingles %4d/%4d %s",
                    pair.name(), a.similarity(b), Duplicates.threshold(b), exactJaccard(pair.textA(), pair.textB()),
                    a.shingles(), b.shingles(),
                    found == pair.near() ? "" : "WRONG");
            report.add(line);
            if (found != pair.near()) {
                wrong.add(line);
            }
        }
        double precision = truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / (truePositives + falseNegatives);
        System.out.println("near-duplicate corpus: " + pairs.size() + " pairs");
        report.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "near-duplicate corpus: precision %.3f recall %.3f (%d found, %d merged wrongly,"
                + " %d missed)%n", precision, recall, truePositives, falsePositives, falseNegatives);

        assertThat(pairs.stream().filter(Pair::near).count()).isGreaterThanOrEqualTo(20);
        assertThat(pairs.stream().filter(p -> !p.near()).count()).isGreaterThanOrEqualTo(20);
        assertThat(falsePositives).as("distinct pairs merged: %s", wrong).isZero();
        assertThat(recall).as("recall; missed: %s", wrong).isGreaterThanOrEqualTo(0.95);
    }

    /** The exact Jaccard similarity of the two texts' word shingles, for the report. */
    static double exactJaccard(String a, String b) {
        Set<String> shinglesA = shingles(a);
        Set<String> shinglesB = shingles(b);
        Set<String> union = new HashSet<>(shinglesA);
        union.addAll(shinglesB);
        shinglesA.retainAll(shinglesB);
        return union.isEmpty() ? 0 : (double) shinglesA.size() / union.size();
    }

    private static Set<String> shingles(String text) {
        String[] words = ContentHash.normalise(text).split(" ");
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + Fingerprinter.SHINGLE_WORDS <= Math.max(words.length, Fingerprinter.SHINGLE_WORDS); i++) {
            shingles.add(String.join(" ", List.of(words).subList(i, Math.min(words.length, i + Fingerprinter.SHINGLE_WORDS))));
        }
        return shingles;
    }

    static List<Pair> pairs() throws IOException, URISyntaxException {
        Path root = Path.of(DuplicateCorpusTest.class.getResource("pairs").toURI());
        try (Stream<Path> folders = Files.list(root)) {
            List<Path> sorted = folders.filter(Files::isDirectory).sorted().toList();
            List<Pair> pairs = new ArrayList<>();
            for (Path folder : sorted) {
                String name = folder.getFileName().toString();
                pairs.add(new Pair(name, name.startsWith("near-"), text(folder.resolve("a.html")),
                        text(folder.resolve("b.html"))));
            }
            return pairs;
        }
    }

    private static String text(Path page) throws IOException {
        return EXTRACTOR.extract(Files.readString(page, StandardCharsets.UTF_8), "https://pairs.newsmon.example/"
                + page.getParent().getFileName() + "/" + page.getFileName());
    }
}
