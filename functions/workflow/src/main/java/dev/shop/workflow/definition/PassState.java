package dev.shop.workflow.definition;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Passes its input on, or its fixed {@code Result} placed at ResultPath.
 *
 * @param result null if the definition has no Result (the effective input is the result)
 * @param next   null for {@code "End": true}
 */
public record PassState(String name, String comment, JsonNode result, DataPaths paths, String next) implements State {

    public PassState {
        result = result == null ? null : result.deepCopy();
    }

    @Override
    public JsonNode result() {
        return result == null ? null : result.deepCopy();
    }

    @Override
    public List<String> successors() {
        return next == null ? List.of() : List.of(next);
    }

    @Override
    public boolean terminal() {
        return next == null;
    }
}
