package dev.shop.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.shop.workflow.definition.StateMachine;

/**
 * One execution of a state machine run by the same interpreter the engine uses, in memory: no database, no broker,
 * no clock but its own. For unit tests of a workflow definition, in the manner of a saga's unit tests: start it,
 * answer each task it sends, and check where it went. A retry whose interval the definition sets is taken at once
 * (the simulated clock moves to its time); a task timeout happens only when the test says so.
 */
public final class InMemoryExecution {

    private final StateMachineInterpreter interpreter;
    private final List<TaskRequest> tasks = new ArrayList<>();
    private final List<Execution.NewEvent> history = new ArrayList<>();
    private Execution execution;
    private Instant now;

    private InMemoryExecution(StateMachine machine, Execution execution) {
        this.interpreter = new StateMachineInterpreter(machine, new TaskTokens());
        this.execution = execution;
        this.now = execution.now;
    }

    /** Starts an execution with {@code input} and runs it up to its first task or its end. */
    public static InMemoryExecution start(StateMachine machine, String executionId, JsonNode input) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Execution execution = Execution.starting(executionId, machine.name(), "in-memory", input.deepCopy(),
                machine.timeoutSeconds().map(now::plusSeconds).orElse(null), machine.startAt(), now);
        InMemoryExecution run = new InMemoryExecution(machine, execution);
        run.interpreter.start(execution);
        run.collect();
        return run;
    }

    /** The task the execution waits for an answer to, if it waits. */
    public Optional<TaskRequest> outstandingTask() {
        return execution.taskToken == null ? Optional.empty()
                : tasks.stream().filter(t -> t.taskToken().equals(execution.taskToken)).findFirst();
    }

    /** Every task sent so far, in order, retries included. */
    public List<TaskRequest> tasks() {
        return List.copyOf(tasks);
    }

    /** The outstanding task succeeded with {@code output}. */
    public InMemoryExecution succeed(JsonNode output) {
        requireTask("succeed");
        step(Duration.ofMillis(10));
        interpreter.taskSucceeded(execution, output == null ? JsonNodeFactory.instance.nullNode() : output.deepCopy());
        return afterStep();
    }

    /** The outstanding task failed with {@code error}. */
    public InMemoryExecution fail(String error, String cause) {
        requireTask("fail");
        step(Duration.ofMillis(10));
        interpreter.taskFailed(execution, error, cause);
        return afterStep();
    }

    /** The outstanding task's TimeoutSeconds passed without an answer. */
    public InMemoryExecution timeOut() {
        requireTask("time out");
        step(Duration.ofMinutes(15));
        interpreter.taskTimedOut(execution);
        return afterStep();
    }

    public ExecutionStatus status() {
        return execution.status;
    }

    public String currentState() {
        return execution.currentState;
    }

    public String error() {
        return execution.error;
    }

    public String cause() {
        return execution.cause;
    }

    public JsonNode output() {
        return execution.output;
    }

    /** The states entered, in order. */
    public List<String> statesEntered() {
        return history.stream().filter(e -> e.type() == HistoryEventType.StateEntered)
                .map(Execution.NewEvent::stateName).toList();
    }

    /** How many state transitions a Step Functions Standard execution of this path would be billed for. */
    public long stateTransitions() {
        return history.stream().filter(e -> e.type() == HistoryEventType.StateEntered).count();
    }

    private void requireTask(String what) {
        if (outstandingTask().isEmpty()) {
            throw new IllegalStateException("cannot " + what + ": the execution waits for no task (it is "
                    + execution.status + " in " + execution.currentState + ")");
        }
    }

    private void step(Duration later) {
        now = now.plus(later);
        execution = execution.nextStep(now);
    }

    private InMemoryExecution afterStep() {
        collect();
        // A retry waits for its interval: move the clock there and send the task again, as the sweep would.
        while (execution.status == ExecutionStatus.RUNNING && execution.taskToken == null && execution.retryAt != null) {
            now = execution.retryAt;
            execution = execution.nextStep(now);
            interpreter.retryTask(execution);
            collect();
        }
        return this;
    }

    private void collect() {
        history.addAll(execution.newEvents());
        tasks.addAll(execution.dispatches());
    }
}
