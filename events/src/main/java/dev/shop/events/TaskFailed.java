package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Reply: a task failed, as Step Functions' {@code SendTaskFailure}. The workflow matches {@code error}
 * against the task's Retry and Catch rules.
 *
 * @param taskToken the token of the command this answers
 * @param error     a stable error name such as {@code Payment.Declined}
 * @param cause     words for people, may be null; never an internal exception message
 */
public record TaskFailed(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String error,
        String cause) {

    public TaskFailed {
        Require.text(taskToken, "TaskFailed.taskToken");
        Require.text(error, "TaskFailed.error");
    }
}
