package dev.shop.workflow.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JsonPath that names one node, as Amazon States Language's "Reference Path": {@code $}, {@code $.a.b},
 * {@code $.a[0]}, {@code $['a b']}. No wildcards, filters, slices or recursive descent.
 *
 * <p>Immutable and thread-safe. {@link #read} and {@link #write} never change the document they are given.
 */
public final class ReferencePath {

    private static final ReferencePath ROOT = new ReferencePath("$", List.of());
    private static final String FORBIDDEN_IN_NAMES = ".[]'\"*?@()$,: \t\r\n";

    private sealed interface Segment permits Field, Index {
    }

    private record Field(String name) implements Segment {
    }

    private record Index(int index) implements Segment {
    }

    private final String text;
    private final List<Segment> segments;

    private ReferencePath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** {@code $}: the whole document. */
    public static ReferencePath root() {
        return ROOT;
    }

    /**
     * Parses a reference path.
     *
     * @throws IllegalArgumentException saying what is wrong, e.g. "wildcards are not supported"
     */
    public static ReferencePath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a path must not be empty");
        }
        if (text.charAt(0) != '$') {
            throw new IllegalArgumentException("a path must start with '$', got '" + text + "'");
        }
        if (text.startsWith("$$")) {
            throw new IllegalArgumentException("'$$' (the context object) is not allowed here, got '" + text + "'");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '.') {
                    throw new IllegalArgumentException("recursive descent '..' is not supported in '" + text + "'");
                }
                int end = i + 1;
                while (end < text.length() && FORBIDDEN_IN_NAMES.indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException(unexpected(text, i + 1));
                }
                segments.add(new Field(text.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' without ']' in '" + text + "'");
                }
                String inside = text.substring(i + 1, close);
                if (inside.length() >= 2 && inside.startsWith("'") && inside.endsWith("'")) {
                    String name = inside.substring(1, inside.length() - 1);
                    if (name.isEmpty() || name.contains("'")) {
                        throw new IllegalArgumentException("bad quoted field name [" + inside + "] in '" + text + "'");
                    }
                    segments.add(new Field(name));
                } else if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit) && inside.length() <= 9) {
                    segments.add(new Index(Integer.parseInt(inside)));
                } else {
                    throw new IllegalArgumentException("only [<index>] and ['<name>'] are supported, got [" + inside
                            + "] in '" + text + "' (no wildcards, filters or slices)");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException(unexpected(text, i));
            }
        }
        return segments.isEmpty() ? ROOT : new ReferencePath(text, segments);
    }

    private static String unexpected(String text, int position) {
        String found = position < text.length() ? "'" + text.charAt(position) + "'" : "the end";
        String hint = position < text.length() && "*?@".indexOf(text.charAt(position)) >= 0
                ? " (wildcards and filters are not supported)" : "";
        return "unexpected " + found + " at position " + position + " in '" + text + "'" + hint;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** True if the path steps into an array ({@code [0]}); ResultPath does not allow that. */
    public boolean hasIndexes() {
        return segments.stream().anyMatch(Index.class::isInstance);
    }

    /** The node the path names in {@code document}, or empty if there is none (a JSON null is a node). */
    public Optional<JsonNode> read(JsonNode document) {
        JsonNode node = document;
        for (Segment segment : segments) {
            if (node == null) {
                return Optional.empty();
            }
            node = switch (segment) {
                case Field field -> node.isObject() ? node.get(field.name()) : null;
                case Index index -> node.isArray() ? node.get(index.index()) : null;
            };
        }
        return Optional.ofNullable(node);
    }

    /**
     * A copy of {@code document} with {@code value} placed where the path points: {@code $} replaces the whole
     * document; missing objects on the way are created. Empty if that is impossible: the document or a node on
     * the way is not an object (or, for {@code [i]}, not an array long enough).
     */
    public Optional<JsonNode> write(JsonNode document, JsonNode value) {
        JsonNode copiedValue = value == null ? JsonNodeFactory.instance.nullNode() : value.deepCopy();
        if (segments.isEmpty()) {
            return Optional.of(copiedValue);
        }
        if (document == null || !document.isContainerNode()) {
            return Optional.empty();
        }
        JsonNode copy = document.deepCopy();
        JsonNode node = copy;
        for (int i = 0; i < segments.size() - 1; i++) {
            Segment segment = segments.get(i);
            JsonNode child;
            if (segment instanceof Field field && node instanceof ObjectNode object) {
                child = object.get(field.name());
                if (child == null || child.isNull()) {
                    child = object.putObject(field.name());
                }
            } else if (segment instanceof Index index && node instanceof ArrayNode array && index.index() < array.size()) {
                child = array.get(index.index());
            } else {
                return Optional.empty();
            }
            if (!child.isContainerNode()) {
                return Optional.empty();
            }
            node = child;
        }
        Segment last = segments.getLast();
        if (last instanceof Field field && node instanceof ObjectNode object) {
            object.set(field.name(), copiedValue);
        } else if (last instanceof Index index && node instanceof ArrayNode array && index.index() < array.size()) {
            array.set(index.index(), copiedValue);
        } else {
            return Optional.empty();
        }
        return Optional.of(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferencePath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** The path as written in the definition, e.g. {@code $.payment.id}. */
    @Override
    public String toString() {
        return text;
    }
}
