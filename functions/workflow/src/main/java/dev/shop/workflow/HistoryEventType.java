package dev.shop.workflow;

/** Kinds of history event, named as Step Functions names them (TaskRetried is this engine's own). */
public enum HistoryEventType {
    ExecutionStarted,
    StateEntered,
    StateExited,
    TaskScheduled,
    TaskSucceeded,
    TaskFailed,
    /** A Retry rule matched: the task is dispatched again (with a new token) once {@code retryAt} is reached. */
    TaskRetried,
    TaskTimedOut,
    ExecutionSucceeded,
    ExecutionFailed,
    ExecutionTimedOut
}
