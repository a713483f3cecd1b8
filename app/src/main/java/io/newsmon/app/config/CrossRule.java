package io.newsmon.app.config;

import java.util.function.BiPredicate;

/**
 * A rule between two settings, checked once both have good values, for example
 * {@code CrossRule.atLeast(MAX_POLL_INTERVAL, MIN_POLL_INTERVAL)}: {@code max-poll-interval must be at least
 * min-poll-interval}.
 *
 * @param subject the setting a broken rule is reported on
 * @param other   the setting it is compared with
 * @param test    true for good values of subject and other
 * @param text    the rule, starting with "must" and naming the other setting
 */
public record CrossRule<T>(Setting<T> subject, Setting<T> other, BiPredicate<? super T, ? super T> test,
                           String text) {
    /** {@code subject} must be at least {@code other}. */
    public static <T extends Comparable<? super T>> CrossRule<T> atLeast(Setting<T> subject, Setting<T> other) {
        return new CrossRule<>(subject, other, (a, b) -> a.compareTo(b) >= 0, "must be at least " + other.key());
    }

    /** True when {@code subjectValue} and {@code otherValue} satisfy the rule. */
    public boolean accepts(Object subjectValue, Object otherValue) {
        return test.test(subject.type().javaType().cast(subjectValue), other.type().javaType().cast(otherValue));
    }
}
