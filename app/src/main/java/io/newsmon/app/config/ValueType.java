package io.newsmon.app.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The type of a setting: its name in the docs, its Java type and how a text (from the command line, the
 * environment or the config file) becomes a value.
 *
 * <p>A text that is not a value of the type fails with an {@link IllegalArgumentException} whose message
 * is the rule it broke, for example {@code must be an ISO-8601 duration, for example PT1S, PT15M or P30D}.
 *
 * @param name     the type as the reference shows it: {@code duration}, {@code integer}, {@code boolean}...
 * @param javaType the type of the option's field (boxed for primitives)
 * @param parser   text to value; throws {@link IllegalArgumentException} with the rule as message
 */
public record ValueType<T>(String name, Class<T> javaType, Function<String, T> parser) {
    /** ISO-8601 durations: {@code PT1S}, {@code PT15M}, {@code PT2H}, {@code P30D}. */
    public static final ValueType<Duration> DURATION = new ValueType<>("duration", Duration.class, ValueType::duration);
    /** Whole numbers: {@code 0}, {@code 9464}. */
    public static final ValueType<Integer> INTEGER = new ValueType<>("integer", Integer.class, ValueType::integer);
    /** {@code true} or {@code false}, in any case. */
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>("boolean", Boolean.class, ValueType::bool);
    /** Any text that is not blank. */
    public static final ValueType<String> TEXT = new ValueType<>("text", String.class, ValueType::text);
    /** A file or folder path, relative to the working directory unless absolute. */
    public static final ValueType<Path> PATH = new ValueType<>("path", Path.class, ValueType::path);

    /** Text that must be one of {@code values}, in any case; the value is spelt as in {@code values}. */
    public static ValueType<String> oneOf(String... values) {
        List<String> allowed = List.of(values);
        return new ValueType<>(String.join("|", allowed), String.class, raw -> allowed.stream()
                .filter(value -> value.equalsIgnoreCase(raw.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + String.join(", ", allowed))));
    }

    /** {@code raw} as a value of this type; throws {@link IllegalArgumentException} naming the rule. */
    public T parse(String raw) {
        return parser.apply(raw);
    }

    /**
     * {@code value} as text that {@link #parse} reads back: {@code PT15M}, {@code P30D} (whole days in days),
     * {@code 1}, {@code false}, {@code newsmon-data}.
     */
    public String format(T value) {
        if (value instanceof Duration duration && duration.toDays() > 0
                && duration.equals(Duration.ofDays(duration.toDays()))) {
            return "P" + duration.toDays() + "D";
        }
        return value.toString();
    }

    private static Duration duration(String raw) {
        try {
            return Duration.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 duration, for example PT1S, PT15M, PT2H or P30D", e);
        }
    }

    private static Integer integer(String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number", e);
        }
    }

    private static Boolean bool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static String text(String raw) {
        if (raw.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return raw.strip();
    }

    private static Path path(String raw) {
        try {
            return Path.of(text(raw));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("must be a file path (" + e.getReason() + ")", e);
        }
    }
}
