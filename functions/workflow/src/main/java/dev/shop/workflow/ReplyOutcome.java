package dev.shop.workflow;

/** What a task reply ({@link WorkflowEngine#onTaskSucceeded}, {@link WorkflowEngine#onTaskFailed}) did. */
public sealed interface ReplyOutcome {

    /** The reply advanced the execution, which is now in {@code status} at {@code currentState}. */
    record Applied(String executionId, ExecutionStatus status, String currentState) implements ReplyOutcome {
    }

    /** This event id was handled before (a redelivery): nothing changed. */
    record AlreadyProcessed(String eventId) implements ReplyOutcome {
    }

    /**
     * The token is not the outstanding task's of a running execution of this state machine (stale after a retry
     * or timeout, answered already, or unknown): nothing changed.
     */
    record NotOutstanding(String taskToken) implements ReplyOutcome {
    }
}
