package io.newsmon.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExactDuplicatesTest {
    private final ExactDuplicates duplicates = new ExactDuplicates();

    @Test
    void firstArticleIsNew() {
        assertThat(duplicates.check("a1", "h1")).isEqualTo(new ExactDuplicates.Verdict.New());
    }

    @Test
    void sameContentUnderAnotherIdPointsToTheFirstId() {
        duplicates.check("a1", "h1");
        duplicates.check("a2", "h1");

        assertThat(duplicates.check("a3", "h1")).isEqualTo(new ExactDuplicates.Verdict.SameContent("a1"));
    }

    @Test
    void repeatedIdIsSeenWhateverItsContent() {
        duplicates.check("a1", "h1");

        assertThat(duplicates.check("a1", "h1")).isEqualTo(new ExactDuplicates.Verdict.SeenId());
        assertThat(duplicates.check("a1", "h2")).isEqualTo(new ExactDuplicates.Verdict.SeenId());
    }

    @Test
    void emptyTextsAreNeverDuplicatesOfEachOther() {
        assertThat(duplicates.check("a1", null)).isEqualTo(new ExactDuplicates.Verdict.New());
        assertThat(duplicates.check("a2", null)).isEqualTo(new ExactDuplicates.Verdict.New());
        assertThat(duplicates.size()).isEqualTo(2);
    }

    @Test
    void blankIdIsRejected() {
        assertThatThrownBy(() -> duplicates.check(" ", "h1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("article id is missing");
    }

    @Test
    void concurrentChecksOfOneContentGiveExactlyOneNew() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExactDuplicates.Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "a" + i;
                verdicts.add(pool.submit(() -> duplicates.check(id, "same")));
            }
            long fresh = 0;
            for (Future<ExactDuplicates.Verdict> verdict : verdicts) {
                fresh += verdict.get() instanceof ExactDuplicates.Verdict.New ? 1 : 0;
            }
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
