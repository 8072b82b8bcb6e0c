package dev.shop.perf.cost;

import java.time.Duration;
import java.time.Instant;

/**
 * A checkout saga's execution as its own history tells it: how many states it entered and how many task retries
 * it scheduled (each is a state transition on Step Functions Standard).
 */
public record SagaExecution(String id, String correlationId, String status, Instant startedAt, Instant updatedAt,
                            int statesEntered, int retries) {

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    public boolean terminal() {
        return !"RUNNING".equals(status);
    }

    /** State transitions as Step Functions counts them: every state entered, and every retry of a task. */
    public int transitions() {
        return statesEntered + retries;
    }

    public Duration duration() {
        return Duration.between(startedAt, updatedAt);
    }
}
