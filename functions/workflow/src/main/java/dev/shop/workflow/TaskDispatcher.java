package dev.shop.workflow;

import org.jdbi.v3.core.Handle;

/**
 * Sends a Task's command to its function. Called inside the transaction of the step that schedules the task,
 * with that transaction's handle: append the command to the transactional outbox there, so the command
 * leaves if and only if the step commits. Must not call the function directly or wait for it.
 *
 * <p>Throw only for infrastructure failures; the step then rolls back and nothing happened.
 */
@FunctionalInterface
public interface TaskDispatcher {

    void dispatch(Handle handle, TaskRequest request);
}
