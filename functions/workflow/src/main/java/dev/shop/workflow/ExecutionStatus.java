package dev.shop.workflow;

/** Where an execution stands, as in Step Functions. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT;

    public boolean finished() {
        return this != RUNNING;
    }
}
