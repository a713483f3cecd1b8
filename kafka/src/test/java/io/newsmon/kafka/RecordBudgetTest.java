package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordBudgetTest {
    private static final Duration GUARD = Duration.ofSeconds(20);

    @Test
    void workWithinTheBudgetGivesItsValue() throws Exception {
        try (RecordBudget budget = new RecordBudget("test", Duration.ofSeconds(5))) {
            assertThat(budget.run(() -> 42)).isEqualTo(new RecordBudget.Outcome.Done<>(42));
        }
    }

    @Test
    void workThatThrowsGivesItsErrorAndTheNextRecordRuns() throws Exception {
        try (RecordBudget budget = new RecordBudget("test", Duration.ofSeconds(5))) {
            RecordBudget.Outcome<Object> failed = budget.run(() -> {
                throw new IllegalStateException("bad page");
            });
            RecordBudget.Outcome<String> next = budget.run(() -> "next");

            assertThat(failed).isInstanceOfSatisfying(RecordBudget.Outcome.Failed.class,
                    f -> assertThat(f.error()).hasMessage("bad page"));
            assertThat(next).isEqualTo(new RecordBudget.Outcome.Done<>("next"));
        }
    }

    @Test
    void aStackOverflowIsAFailureOfTheRecordNotOfTheStage() throws Exception {
        try (RecordBudget budget = new RecordBudget("test", Duration.ofSeconds(5))) {
            RecordBudget.Outcome<Integer> outcome = budget.run(() -> recurse(0));

            assertThat(outcome).isInstanceOfSatisfying(RecordBudget.Outcome.Failed.class,
                    f -> assertThat(f.error()).isInstanceOf(StackOverflowError.class));
            assertThat(budget.run(() -> 1)).isEqualTo(new RecordBudget.Outcome.Done<>(1));
        }
    }

    /**
     * Work that never ends (here: it ignores interrupts and waits on a latch) is given up at the budget, and
     * the next record runs on a new thread, so one endless record cannot stall the stage.
     */
    @Test
    void workOverTheBudgetIsGivenUpAndTheNextRecordRunsOnAFreshThread() {
        CountDownLatch never = new CountDownLatch(1);
        try (RecordBudget budget = new RecordBudget("test", Duration.ofMillis(200))) {
            assertTimeoutPreemptively(GUARD, () -> {
                RecordBudget.Outcome<Object> stuck = budget.run(() -> {
                    while (true) {
                        try {
                            never.await();
                        } catch (InterruptedException ignored) {
                            // hostile work that swallows the interrupt
                        }
                    }
                });
                RecordBudget.Outcome<String> next = budget.run(() -> "next");

                assertThat(stuck).isEqualTo(new RecordBudget.Outcome.OverBudget<>(Duration.ofMillis(200)));
                assertThat(next).isEqualTo(new RecordBudget.Outcome.Done<>("next"));
                assertThat(budget.abandoned()).isEqualTo(1);
            });
        } finally {
            never.countDown();
        }
    }

    @Test
    void workThatHonoursTheInterruptEndsAndIsNoLongerCountedAsAbandoned() throws Exception {
        try (RecordBudget budget = new RecordBudget("test", Duration.ofMillis(100))) {
            CountDownLatch ended = new CountDownLatch(1);
            RecordBudget.Outcome<Object> outcome = budget.run(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                    return null;
                } finally {
                    ended.countDown();
                }
            });

            assertThat(outcome).isInstanceOf(RecordBudget.Outcome.OverBudget.class);
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertTimeoutPreemptively(GUARD, () -> {
                while (budget.abandoned() > 0) {
                    Thread.sleep(10);
                }
            });
        }
    }

    @Test
    void refusesABudgetThatIsNotPositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecordBudget("enrich", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrich: record budget PT0S must be positive");
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
