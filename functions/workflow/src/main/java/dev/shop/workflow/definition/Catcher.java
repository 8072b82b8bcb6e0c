package dev.shop.workflow.definition;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element of a Task's {@code Catch}: on a matching error, the state's raw input combined with
 * {@code {"Error": ..., "Cause": ...}} at {@code resultPath} goes to {@code next}.
 *
 * @param resultPath empty for a JSON null (discard the error, pass the input on)
 */
public record Catcher(List<String> errorEquals, String next, Optional<ReferencePath> resultPath) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }

    public boolean matches(String error) {
        return ErrorNames.matches(errorEquals, error);
    }

    /** What goes to {@link #next}. */
    public PathResult output(JsonNode rawInput, JsonNode errorOutput) {
        return DataPaths.combine(resultPath, rawInput, errorOutput);
    }
}
