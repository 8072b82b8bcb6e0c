package dev.shop.workflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jdbi.v3.core.Handle;

/**
 * A fake participant: remembers the tasks of committed steps (a rolled-back step's task is forgotten, as an
 * outbox row would be), and does nothing else. Replies come from the test.
 */
final class RecordingDispatcher implements TaskDispatcher {

    private final List<TaskRequest> sent = new CopyOnWriteArrayList<>();

    @Override
    public void dispatch(Handle handle, TaskRequest request) {
        handle.afterCommit(() -> sent.add(request));
    }

    List<TaskRequest> sent() {
        return List.copyOf(sent);
    }

    List<TaskRequest> sentFor(String executionId) {
        return sent.stream().filter(request -> request.executionId().equals(executionId)).toList();
    }

    List<String> functionsFor(String executionId) {
        return sentFor(executionId).stream().map(TaskRequest::functionName).toList();
    }

    /** The latest task of the execution, which must exist. */
    TaskRequest last(String executionId) {
        List<TaskRequest> requests = sentFor(executionId);
        if (requests.isEmpty()) {
            throw new AssertionError("no task was dispatched for " + executionId);
        }
        return requests.getLast();
    }
}
