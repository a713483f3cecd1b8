package io.newsmon.model;

import java.util.List;

/** Argument checks for the compact constructors of the message records. */
final class Checks {
    private Checks() {
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing: it must be a non-empty string");
        }
        return value;
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
