package dev.shop.runtime.saga;

import java.util.Map;

/**
 * How a participant answers a saga task, before it becomes a {@code TaskSucceeded} or {@code TaskFailed} event:
 * the output the workflow puts at the task's ResultPath, or a stable error name its Retry/Catch rules match with
 * words for the shopper.
 */
public sealed interface TaskResult {

    static TaskResult succeeded(Map<String, Object> output) {
        return new Succeeded(output);
    }

    static TaskResult failed(String error, String cause) {
        return new Failed(error, cause);
    }

    record Succeeded(Map<String, Object> output) implements TaskResult {
    }

    record Failed(String error, String cause) implements TaskResult {
    }
}
