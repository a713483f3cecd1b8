package io.newsmon.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.model.ArticleId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DuplicatesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String STORY = words(120, 0);

    private final Duplicates duplicates = new Duplicates(Duration.ofDays(30));

    @Test
    void firstArticleIsNew() {
        assertThat(duplicates.check(id("a1"), Fingerprinter.of(STORY), NOW)).isEqualTo(new Duplicates.Verdict.New());
        assertThat(duplicates.size()).isEqualTo(1);
    }

    @Test
    void sameTextUnderAnotherIdIsADuplicateOfTheFirstWithSimilarityOne() {
        duplicates.check(id("a1"), Fingerprinter.of(STORY), NOW);

        assertThat(duplicates.check(id("a2"), Fingerprinter.of(STORY.toUpperCase() + "!"), NOW))
                .isEqualTo(new Duplicates.Verdict.NearDuplicate(id("a1"), 1.0));
    }

    @Test
    void aDuplicateIsNotRememberedSoLaterCopiesPointAtTheOriginal() {
        duplicates.check(id("a1"), Fingerprinter.of(STORY), NOW);
        duplicates.check(id("a2"), Fingerprinter.of(STORY), NOW);

        assertThat(duplicates.check(id("a3"), Fingerprinter.of(STORY), NOW))
                .isEqualTo(new Duplicates.Verdict.NearDuplicate(id("a1"), 1.0));
        assertThat(duplicates.size()).isEqualTo(1);
    }

    @Test
    void aRememberedIdIsKnown() {
        duplicates.check(id("a1"), Fingerprinter.of(STORY), NOW);

        assertThat(duplicates.check(id("a1"), Fingerprinter.of(STORY), NOW)).isEqualTo(new Duplicates.Verdict.Known());
    }

    @Test
    void aDifferentTextIsNew() {
        duplicates.check(id("a1"), Fingerprinter.of(STORY), NOW);

        assertThat(duplicates.check(id("a2"), Fingerprinter.of(words(120, 5_000)), NOW))
                .isEqualTo(new Duplicates.Verdict.New());
    }

    @Test
    void shortTextsAreOnlyExactDuplicates() {
        String brief = words(30, 0);
        String edited = brief.replace("w25 ", "changed ");
        duplicates.check(id("a1"), Fingerprinter.of(brief), NOW);

        assertThat(duplicates.check(id("a2"), Fingerprinter.of(edited), NOW)).isEqualTo(new Duplicates.Verdict.New());
        assertThat(duplicates.check(id("a3"), Fingerprinter.of(brief), NOW))
                .isEqualTo(new Duplicates.Verdict.NearDuplicate(id("a1"), 1.0));
    }

    @Test
    void emptyTextsAreNeverDuplicatesOfEachOther() {
        assertThat(duplicates.check(id("a1"), Fingerprinter.of(""), NOW)).isEqualTo(new Duplicates.Verdict.New());
        assertThat(duplicates.check(id("a2"), Fingerprinter.of(" "), NOW)).isEqualTo(new Duplicates.Verdict.New());
        assertThat(duplicates.size()).isZero();
    }

    @Test
    void originalsExpireAfterTheWindow() {
        duplicates.check(id("a1"), Fingerprinter.of(STORY), NOW);

        Instant later = NOW.plus(Duration.ofDays(30 + 30 / 8 + 1));
        assertThat(duplicates.check(id("a2"), Fingerprinter.of(STORY), later)).isEqualTo(new Duplicates.Verdict.New());
        assertThat(duplicates.size()).isEqualTo(1);
    }

    @Test
    void aForgottenOriginalIsNewAgain() {
        Fingerprint fingerprint = Fingerprinter.of(STORY);
        duplicates.check(id("a1"), fingerprint, NOW);

        duplicates.forget(id("a1"), fingerprint);

        assertThat(duplicates.check(id("a2"), fingerprint, NOW)).isEqualTo(new Duplicates.Verdict.New());
    }

    @Test
    void learntOriginalsCountOnceAndAreFoundLikeOwnOnes() {
        Fingerprint fingerprint = Fingerprinter.of(STORY);
        duplicates.learn(id("a1"), fingerprint, NOW);
        duplicates.learn(id("a1"), fingerprint, NOW);

        assertThat(duplicates.size()).isEqualTo(1);
        assertThat(duplicates.check(id("a2"), fingerprint, NOW)).isEqualTo(new Duplicates.Verdict.NearDuplicate(id("a1"), 1.0));
    }

    @Test
    void blankIdIsRejected() {
        assertThatThrownBy(() -> duplicates.check(" ", Fingerprinter.of(STORY), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("article id is missing");
    }

    @Test
    void concurrentChecksOfOneTextGiveExactlyOneNew() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Duplicates.Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = id("a" + i);
                verdicts.add(pool.submit(() -> duplicates.check(id, Fingerprinter.of(STORY), NOW)));
            }
            long fresh = 0;
            for (Future<Duplicates.Verdict> verdict : verdicts) {
                fresh += verdict.get() instanceof Duplicates.Verdict.New ? 1 : 0;
            }
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdThatIsNotAnArticleIdIsRejectedNamingIt() {
        assertThatThrownBy(() -> duplicates.check("a1", Fingerprinter.of(STORY), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("article id \"a1\" is not 32 hex digits: duplicates are remembered by ArticleId");
    }

    private static String id(String name) {
        return ArticleId.hash(name);
    }

    /** {@code count} distinct words {@code w<first>}, {@code w<first+1>}, ... separated by spaces. */
    static String words(int count, int first) {
        StringBuilder text = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            text.append('w').append(i).append(' ');
        }
        return text.toString().strip();
    }
}
