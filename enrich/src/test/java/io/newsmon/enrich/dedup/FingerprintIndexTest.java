package io.newsmon.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.model.ArticleId;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FingerprintIndexTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    private final FingerprintIndex index = new FingerprintIndex(WINDOW);
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void findsAnArticleSharingOneBandAndEstimatesItsSimilarity() {
        Fingerprint original = random();
        index.add(id(1), original, START);
        long[] bands = original.bands();
        for (int band = 1; band < bands.length; band++) {
            bands[band] = random.nextLong();
        }
        Fingerprint near = new Fingerprint(bands, original.sketchHigh(), original.sketchLow() ^ 0xFF, 300);

        FingerprintIndex.Candidate best = index.best(id(2), near, START);

        assertThat(best).isEqualTo(new FingerprintIndex.Candidate(id(1), 1 - 2 * 8 / 128.0));
    }

    @Test
    void findsNothingWithoutASharedBand() {
        index.add(id(1), random(), START);

        assertThat(index.best(id(2), random(), START)).isNull();
    }

    @Test
    void anArticleRememberedUnderTheSameIdComesFirst() {
        Fingerprint fingerprint = random();
        index.add(id(1), fingerprint, START);

        assertThat(index.best(id(1), fingerprint, START)).isEqualTo(new FingerprintIndex.Candidate(id(1), 1));
    }

    @Test
    void segmentsFollowTimeAndExpireWhole() {
        for (int day = 0; day < 60; day++) {
            index.add(id(day), random(), START.plus(Duration.ofDays(day)));
        }

        // 30 days kept, plus the part of the oldest segment that is not yet a window old.
        assertThat(index.size()).isBetween(30L, 30L + 30 / FingerprintIndex.SEGMENTS_PER_WINDOW + 1);
        assertThat(index.segmentCount()).isBetween(FingerprintIndex.SEGMENTS_PER_WINDOW,
                FingerprintIndex.SEGMENTS_PER_WINDOW + 2);
    }

    @Test
    void expiredArticlesAreNotFound() {
        Fingerprint fingerprint = random();
        index.add(id(1), fingerprint, START);

        assertThat(index.best(id(2), fingerprint, START.plus(WINDOW).plus(WINDOW))).isNull();
        assertThat(index.size()).isZero();
    }

    @Test
    void aRemovedArticleIsNotFoundAndNotCounted() {
        Fingerprint fingerprint = random();
        index.add(id(1), fingerprint, START);

        assertThat(index.remove(id(1), fingerprint)).isTrue();
        assertThat(index.remove(id(1), fingerprint)).isFalse();
        assertThat(index.best(id(2), fingerprint, START)).isNull();
        assertThat(index.size()).isZero();
    }

    @Test
    void everyArticleIsFoundAfterTheIndexGrewAndFroze() {
        Fingerprint[] fingerprints = new Fingerprint[20_000];
        for (int i = 0; i < fingerprints.length; i++) {
            fingerprints[i] = random();
            index.add(id(i), fingerprints[i], START.plus(Duration.ofMinutes(i * 2L)));
        }
        Instant end = START.plus(Duration.ofMinutes(fingerprints.length * 2L));

        assertThat(index.segmentCount()).isGreaterThan(1);
        for (int i = 0; i < fingerprints.length; i += 97) {
            assertThat(index.best(id(i), fingerprints[i], end)).as("article %d", i)
                    .isEqualTo(new FingerprintIndex.Candidate(id(i), 1));
        }
    }

    @Test
    void aMonthOfArticlesTakesAtMost64BytesEach() {
        int count = 50_000;
        for (int i = 0; i < count; i++) {
            index.add(id(i), random(), START.plus(Duration.ofMillis(WINDOW.toMillis() / count * i)));
        }

        assertThat(index.size()).isEqualTo(count);
        assertThat((double) index.bytes() / count).isLessThanOrEqualTo(64);
    }

    @Test
    void aWindowThatIsNotPositiveIsRejected() {
        assertThatThrownBy(() -> new FingerprintIndex(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate window PT0S is not positive");
    }

    private Fingerprint random() {
        long[] bands = new long[Fingerprinter.BANDS];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = random.nextLong();
        }
        return new Fingerprint(bands, random.nextLong(), random.nextLong(), 300);
    }

    private static String id(int n) {
        return ArticleId.hash("article-" + n);
    }
}
