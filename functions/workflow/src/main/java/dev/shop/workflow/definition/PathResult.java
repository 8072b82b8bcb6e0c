package dev.shop.workflow.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** What applying a state's paths to data gave: the data, or the Step Functions error it raises. */
public sealed interface PathResult {

    record Found(JsonNode value) implements PathResult {
    }

    /**
     * @param error {@link ErrorNames#RUNTIME} or {@link ErrorNames#RESULT_PATH_MATCH_FAILURE}
     * @param cause which path and why, for people
     */
    record Failed(String error, String cause) implements PathResult {
    }
}
