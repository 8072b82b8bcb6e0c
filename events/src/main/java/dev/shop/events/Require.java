package dev.shop.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the records, so every violation reads the same way. */
final class Require {

    private Require() {
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    /** The check behind {@link Minimum}. */
    static long atLeast(long value, long minimum, String what) {
        if (value < minimum) {
            throw new IllegalArgumentException(what + (minimum == 0 ? " must not be negative" : " must be at least " + minimum));
        }
        return value;
    }

    /** The check behind {@link OneOf}. */
    static String oneOf(String value, List<String> allowed, String what) {
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException(what + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** Null becomes an empty list: consumers never null-check collections. */
    static <T> List<T> list(List<T> values, String what) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " must not contain null");
        }
        return List.copyOf(values);
    }

    /** The check behind {@link NonEmpty}: as {@link #list}, but null or empty is rejected. */
    static <T> List<T> nonEmptyList(List<T> values, String what) {
        List<T> list = list(values, what);
        if (list.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return list;
    }

    /**
     * A free-form JSON object: null becomes an empty map. The copy is unmodifiable and keeps the
     * producer's key order, so it is written back the way it was built. Values may be JSON null.
     */
    static Map<String, Object> jsonObject(Map<String, Object> values, String what) {
        if (values == null) {
            return Map.of();
        }
        if (values.keySet().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " must not contain a null key");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
