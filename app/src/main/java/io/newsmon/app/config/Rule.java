package io.newsmon.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a setting's value must satisfy, with the rule as people read it.
 *
 * <p>Example: {@code Rule.atLeast(Duration.ofSeconds(1))} has the text {@code must be at least PT1S}.
 *
 * @param text the rule, starting with "must", for messages and the reference
 * @param test true for a good value
 */
public record Rule<T>(String text, Predicate<? super T> test) {
    public Rule {
        if (text == null || !text.startsWith("must")) {
            throw new IllegalArgumentException("rule text \"" + text + "\" must start with \"must\"");
        }
    }

    /** A rule of its own. */
    public static <T> Rule<T> of(String text, Predicate<? super T> test) {
        return new Rule<>(text, test);
    }

    /** Good when {@code check} does not throw an {@link IllegalArgumentException}. */
    public static <T> Rule<T> accepted(String text, Consumer<? super T> check) {
        return new Rule<>(text, value -> {
            try {
                check.accept(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** {@code must be at least MIN}. */
    public static Rule<Duration> atLeast(Duration min) {
        return new Rule<>("must be at least " + min, value -> value.compareTo(min) >= 0);
    }

    /** {@code must be at least MIN}. */
    public static Rule<Integer> atLeast(int min) {
        return new Rule<>("must be at least " + min, value -> value >= min);
    }

    /** A TCP port to listen on: {@code must be 1 to 65535, or 0 for a free one}. */
    public static Rule<Integer> port() {
        return new Rule<>("must be 1 to 65535, or 0 for a free one", value -> value >= 0 && value <= 65_535);
    }

    /** {@code must be a readable file}. */
    public static Rule<Path> readableFile() {
        return new Rule<>("must be a readable file", path -> Files.isRegularFile(path) && Files.isReadable(path));
    }

    /** True when {@code value} satisfies this rule. */
    public boolean accepts(T value) {
        return test.test(value);
    }
}
