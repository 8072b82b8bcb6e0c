package dev.shop.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds changes between a released schema and the current one that would break someone.
 * Released schemas are frozen; a change listed here needs a new type version (v2) instead.
 *
 * <p>Rules, applied to the root and recursively to nested objects and array items:
 * <ul>
 *   <li>every released property still exists (consumers read it);</li>
 *   <li>a property's type set is unchanged: narrowing invalidates events already on the topic,
 *       widening (e.g. adding {@code "null"}) hands consumers values they never had to handle;</li>
 *   <li>no property became required (events already on the topic lack it);</li>
 *   <li>a required property did not become optional (consumers rely on it being there);</li>
 *   <li>an object open to additional properties was not closed (newer producers add fields).</li>
 * </ul>
 *
 * <p>It understands the JSON Schema subset the generator emits: {@code type}, {@code properties},
 * {@code required}, {@code items}, {@code additionalProperties}, local {@code $ref}s and
 * {@code anyOf}/{@code oneOf} used for nullable objects. Other keywords (formats, enums, bounds)
 * are not compared.
 */
public final class SchemaCompatibility {

    private final JsonNode releasedRoot;
    private final JsonNode currentRoot;
    private final List<String> problems = new ArrayList<>();
    private final Deque<NodePair> inProgress = new ArrayDeque<>();

    private SchemaCompatibility(JsonNode releasedRoot, JsonNode currentRoot) {
        this.releasedRoot = releasedRoot;
        this.currentRoot = currentRoot;
    }

    /** Human-readable breaking changes, empty if {@code current} can replace {@code released}. */
    public static List<String> breakingChanges(JsonNode released, JsonNode current) {
        Require.present(released, "released schema");
        Require.present(current, "current schema");
        var check = new SchemaCompatibility(released, current);
        check.compare("", released, current);
        return List.copyOf(check.problems);
    }

    private void compare(String path, JsonNode released, JsonNode current) {
        Schema before = Schema.of(released, releasedRoot);
        Schema after = Schema.of(current, currentRoot);
        compareTypes(path, before.types(), after.types());
        var pair = new NodePair(before.node(), after.node());
        if (inProgress.contains(pair)) {
            return; // a recursive type: this pair is already being compared further up
        }
        inProgress.push(pair);
        compareProperties(path, before.node(), after.node());
        compareItems(path, before.node(), after.node());
        inProgress.pop();
    }

    private void compareTypes(String path, Set<String> released, Set<String> current) {
        if (!Objects.equals(released, current)) {
            problems.add(describe(path) + " type " + kindOfChange(released, current) + " from "
                    + show(released) + " to " + show(current));
        }
    }

    /** null stands for "any type". */
    private static String kindOfChange(Set<String> released, Set<String> current) {
        if (released == null || (current != null && released.containsAll(current))) {
            return "narrowed";
        }
        if (current == null || current.containsAll(released)) {
            return "widened";
        }
        return "changed";
    }

    private void compareProperties(String path, JsonNode released, JsonNode current) {
        JsonNode releasedProperties = released.path("properties");
        JsonNode currentProperties = current.path("properties");
        Set<String> releasedRequired = names(released.path("required"));
        Set<String> currentRequired = names(current.path("required"));

        for (var property : releasedProperties.properties()) {
            String name = property.getKey();
            String propertyPath = path.isEmpty() ? name : path + "." + name;
            JsonNode now = currentProperties.get(name);
            if (now == null) {
                problems.add(describe(propertyPath) + " was removed");
                continue;
            }
            if (releasedRequired.contains(name) && !currentRequired.contains(name)) {
                problems.add(describe(propertyPath) + " is no longer required");
            }
            compare(propertyPath, property.getValue(), now);
        }
        for (String name : currentRequired) {
            if (!releasedRequired.contains(name)) {
                problems.add(describe(path.isEmpty() ? name : path + "." + name) + " became required");
            }
        }
        boolean wasOpen = !released.path("additionalProperties").isBoolean()
                || released.path("additionalProperties").booleanValue();
        if (wasOpen && current.path("additionalProperties").isBoolean()
                && !current.path("additionalProperties").booleanValue()) {
            problems.add(describe(path) + " no longer allows additional properties");
        }
    }

    private void compareItems(String path, JsonNode released, JsonNode current) {
        // No "items" now means any item is accepted: nothing to break.
        if (released.has("items") && current.has("items")) {
            compare(path + "[]", released.get("items"), current.get("items"));
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static String describe(String path) {
        return path.isEmpty() ? "(root)" : "'" + path + "'";
    }

    private static String show(Set<String> types) {
        return types == null ? "[any]" : types.toString();
    }

    /** Identity, not content: two equal-looking definitions at different places are different nodes. */
    private record NodePair(JsonNode released, JsonNode current) {

        @Override
        public boolean equals(Object other) {
            return other instanceof NodePair that && released == that.released && current == that.current;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(released) * 31 + System.identityHashCode(current);
        }
    }

    /**
     * A schema with local refs resolved and a nullable wrapper ({@code anyOf: [{type: null}, X]})
     * unwrapped: {@code node} is where properties and items live, {@code types} null means any.
     */
    private record Schema(JsonNode node, Set<String> types) {

        static Schema of(JsonNode schema, JsonNode root) {
            JsonNode resolved = resolve(schema, root);
            JsonNode branches = resolved.has("anyOf") ? resolved.get("anyOf") : resolved.get("oneOf");
            if (branches == null || !branches.isArray() || resolved.has("type")) {
                return new Schema(resolved, types(resolved));
            }
            // Union of the branches; properties come from the single non-null branch, if there is one.
            Set<String> union = new LinkedHashSet<>();
            JsonNode body = resolved;
            int bodies = 0;
            for (JsonNode branch : branches) {
                JsonNode branchNode = resolve(branch, root);
                Set<String> branchTypes = types(branchNode);
                if (branchTypes == null) {
                    union = null;
                } else if (union != null) {
                    union.addAll(branchTypes);
                }
                if (!Set.of("null").equals(branchTypes)) {
                    body = branchNode;
                    bodies++;
                }
            }
            return new Schema(bodies == 1 ? body : resolved, union);
        }

        private static Set<String> types(JsonNode schema) {
            JsonNode type = schema.get("type");
            if (type == null) {
                return null;
            }
            Set<String> types = new LinkedHashSet<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            return types;
        }

        private static JsonNode resolve(JsonNode schema, JsonNode root) {
            JsonNode current = schema;
            // Bounded: a chain of refs pointing at each other must not loop forever.
            for (int hops = 0; hops < 16 && current.path("$ref").asText("").startsWith("#"); hops++) {
                JsonNode target = root.at(current.get("$ref").asText().substring(1));
                if (target.isMissingNode()) {
                    throw new IllegalArgumentException("unresolvable $ref " + current.get("$ref").asText());
                }
                current = target;
            }
            return current;
        }
    }
}
