package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Reply: a task finished, as Step Functions' {@code SendTaskSuccess}. The workflow places {@code output}
 * at the task's ResultPath.
 *
 * @param taskToken the token of the command this answers
 * @param output    the task's result, a JSON object (nested objects as maps, arrays as lists); never
 *                  null, empty if the task returns nothing; keeps the producer's key order
 */
public record TaskSucceeded(
        @JsonProperty(required = true) String taskToken,
        Map<String, Object> output) {

    public TaskSucceeded {
        Require.text(taskToken, "TaskSucceeded.taskToken");
        output = Require.jsonObject(output, "TaskSucceeded.output");
    }
}
