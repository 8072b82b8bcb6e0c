package dev.shop.workflow.definition;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A state's InputPath, ResultPath and OutputPath. Each defaults to {@code $}; an empty one stands for a JSON
 * {@code null} in the definition: no input ({@code {}}), discard the result (keep the input), no output
 * ({@code {}}).
 */
public record DataPaths(Optional<ReferencePath> inputPath, Optional<ReferencePath> resultPath,
                        Optional<ReferencePath> outputPath) {

    public static final DataPaths DEFAULTS = new DataPaths(Optional.of(ReferencePath.root()),
            Optional.of(ReferencePath.root()), Optional.of(ReferencePath.root()));

    /** The effective input: InputPath applied to the state's raw input. */
    public PathResult effectiveInput(JsonNode rawInput) {
        return select(inputPath, rawInput, "InputPath", "the state input");
    }

    /** The raw input combined with a result as ResultPath says. */
    public PathResult combine(JsonNode rawInput, JsonNode result) {
        return combine(resultPath, rawInput, result);
    }

    /** The state output: OutputPath applied to the combined data. */
    public PathResult output(JsonNode combined) {
        return select(outputPath, combined, "OutputPath", "the state's result");
    }

    static PathResult combine(Optional<ReferencePath> resultPath, JsonNode rawInput, JsonNode result) {
        if (resultPath.isEmpty()) {
            return new PathResult.Found(rawInput);
        }
        ReferencePath path = resultPath.get();
        return path.write(rawInput, result)
                .<PathResult>map(PathResult.Found::new)
                .orElseGet(() -> new PathResult.Failed(ErrorNames.RESULT_PATH_MATCH_FAILURE,
                        "ResultPath '" + path + "' cannot be written into the state input: it, or a field on the"
                                + " way, is not an object"));
    }

    private static PathResult select(Optional<ReferencePath> path, JsonNode document, String field, String what) {
        if (path.isEmpty()) {
            return new PathResult.Found(JsonNodeFactory.instance.objectNode());
        }
        return path.get().read(document)
                .<PathResult>map(PathResult.Found::new)
                .orElseGet(() -> new PathResult.Failed(ErrorNames.RUNTIME,
                        field + " '" + path.get() + "' matches nothing in " + what));
    }
}
