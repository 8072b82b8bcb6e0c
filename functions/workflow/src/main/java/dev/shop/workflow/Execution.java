package dev.shop.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One execution as one step (one transaction) sees and changes it: the row's values, plus the history events
 * and tasks the step adds. Not thread-safe; lives for one step.
 */
final class Execution {

    /** A history event this step appends; its seq is given when written. */
    record NewEvent(HistoryEventType type, String stateName, ObjectNode details, Instant occurredAt) {
    }

    final String id;
    final String stateMachine;
    final String correlationId;
    final JsonNode input;
    final Instant startedAt;
    final Instant executionDeadline;
    /** The row's version when loaded; 0 for an execution this step creates. */
    final long version;
    /** The time of this step. */
    final Instant now;

    ExecutionStatus status;
    String currentState;
    JsonNode stateInput;
    Instant stateEnteredAt;
    JsonNode output;
    String error;
    String cause;
    String taskToken;
    Instant taskDeadline;
    Instant retryAt;
    ObjectNode retryCounts;

    private final List<NewEvent> newEvents = new ArrayList<>();
    private final List<TaskRequest> dispatches = new ArrayList<>();

    Execution(String id, String stateMachine, String correlationId, JsonNode input, Instant startedAt,
              Instant executionDeadline, long version, Instant now) {
        this.id = id;
        this.stateMachine = stateMachine;
        this.correlationId = correlationId;
        this.input = input;
        this.startedAt = startedAt;
        this.executionDeadline = executionDeadline;
        this.version = version;
        this.now = now;
        this.retryCounts = JsonNodeFactory.instance.objectNode();
    }

    /** This execution as the next step, at {@code now}, finds it: what loading its row would give. */
    Execution nextStep(Instant now) {
        Execution next = new Execution(id, stateMachine, correlationId, input, startedAt, executionDeadline,
                version + 1, now);
        next.status = status;
        next.currentState = currentState;
        next.stateInput = stateInput;
        next.stateEnteredAt = stateEnteredAt;
        next.output = output;
        next.error = error;
        next.cause = cause;
        next.taskToken = taskToken;
        next.taskDeadline = taskDeadline;
        next.retryAt = retryAt;
        next.retryCounts = retryCounts.deepCopy();
        return next;
    }

    /** A new execution about to enter its first state. */
    static Execution starting(String id, String stateMachine, String correlationId, JsonNode input,
                              Instant executionDeadline, String startAt, Instant now) {
        Execution execution = new Execution(id, stateMachine, correlationId, input, now, executionDeadline, 0, now);
        execution.status = ExecutionStatus.RUNNING;
        execution.currentState = startAt;
        execution.stateInput = input;
        execution.stateEnteredAt = now;
        return execution;
    }

    void record(HistoryEventType type, String stateName, ObjectNode details) {
        newEvents.add(new NewEvent(type, stateName, details, now));
    }

    void dispatch(TaskRequest request) {
        dispatches.add(request);
    }

    List<NewEvent> newEvents() {
        return newEvents;
    }

    List<TaskRequest> dispatches() {
        return dispatches;
    }

    void enter(String stateName, JsonNode rawInput) {
        currentState = stateName;
        stateInput = rawInput;
        stateEnteredAt = now;
        retryCounts = JsonNodeFactory.instance.objectNode();
        clearTask();
    }

    void clearTask() {
        taskToken = null;
        taskDeadline = null;
        retryAt = null;
    }

    void finish(ExecutionStatus finalStatus) {
        status = finalStatus;
        clearTask();
    }

    /** Retries the current state has used with retrier {@code index}. */
    int retriesUsed(int index) {
        JsonNode counts = retryCounts.get(currentState);
        return counts != null && counts.has(index) ? counts.get(index).intValue() : 0;
    }

    /** Retries the current state has used in all, its {@code $$.State.RetryCount}. */
    int retriesUsed() {
        JsonNode counts = retryCounts.get(currentState);
        int total = 0;
        if (counts != null) {
            for (JsonNode count : counts) {
                total += count.intValue();
            }
        }
        return total;
    }

    void countRetry(int index, int retries) {
        ArrayNode counts = retryCounts.has(currentState) && retryCounts.get(currentState).isArray()
                ? (ArrayNode) retryCounts.get(currentState) : retryCounts.putArray(currentState);
        while (counts.size() <= index) {
            counts.add(0);
        }
        counts.set(index, retries);
    }
}
