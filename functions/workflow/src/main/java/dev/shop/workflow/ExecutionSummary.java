package dev.shop.workflow;

/**
 * Where an execution stands, without its data or history: what a caller waiting on it reads after each step.
 *
 * @param currentState the state it is in, or the last one it was in once finished
 * @param error        the error name once FAILED or TIMED_OUT, else null
 * @param cause        words about the error, or null
 */
public record ExecutionSummary(String executionId, ExecutionStatus status, String currentState, String error,
                               String cause) {
}
