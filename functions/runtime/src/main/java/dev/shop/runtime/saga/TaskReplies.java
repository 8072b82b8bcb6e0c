package dev.shop.runtime.saga;

import java.util.Map;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Handle;

/**
 * How a saga participant answers a command: a {@link TaskSucceeded} or {@link TaskFailed} carrying the
 * command's task token, appended to the outbox in the same transaction as the participant's own change, so
 * the reply exists exactly when the change was committed. Keyed by the saga's execution id.
 */
public class TaskReplies {

    private final Outbox outbox;
    private final FunctionManifest manifest;
    private final String source;

    public TaskReplies(Outbox outbox, FunctionManifest manifest, String module) {
        this.outbox = outbox;
        this.manifest = manifest;
        this.source = "/functions/" + module;
    }

    /** Answers {@code command} with {@code result}: a success with its output, or a failure with its error. */
    public void send(Handle handle, EventEnvelope<?> command, String key, String taskToken, TaskResult result) {
        switch (result) {
            case TaskResult.Succeeded ok -> succeeded(handle, command, key, taskToken, ok.output());
            case TaskResult.Failed failure -> failed(handle, command, key, taskToken, failure.error(), failure.cause());
        }
    }

    public void succeeded(Handle handle, EventEnvelope<?> command, String key, String taskToken,
                          Map<String, Object> output) {
        outbox.append(handle, topic(), key, EventEnvelope.of(EventTypes.TASK_SUCCEEDED, source, command.subject(),
                new TaskSucceeded(taskToken, output)));
    }

    public void failed(Handle handle, EventEnvelope<?> command, String key, String taskToken, String error,
                       String cause) {
        outbox.append(handle, topic(), key, EventEnvelope.of(EventTypes.TASK_FAILED, source, command.subject(),
                new TaskFailed(taskToken, error, cause)));
    }

    private String topic() {
        return manifest.topicName(EventTypes.TASK_RESULTS_TOPIC);
    }
}
