package dev.shop.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.workflow.definition.Catcher;
import dev.shop.workflow.definition.ChoiceRule;
import dev.shop.workflow.definition.ChoiceState;
import dev.shop.workflow.definition.ErrorNames;
import dev.shop.workflow.definition.FailState;
import dev.shop.workflow.definition.PassState;
import dev.shop.workflow.definition.PathResult;
import dev.shop.workflow.definition.Retrier;
import dev.shop.workflow.definition.State;
import dev.shop.workflow.definition.StateMachine;
import dev.shop.workflow.definition.SucceedState;
import dev.shop.workflow.definition.TaskState;

/**
 * The states' semantics, with no database: each method applies one event (start, a reply, a timeout, a due
 * retry) to an {@link Execution} and runs Pass, Choice, Succeed and Fail states on until a Task waits or the
 * execution ends. The engine persists what it did.
 */
final class StateMachineInterpreter {

    /** A definition looping through Pass/Choice states without a Task would otherwise never commit. */
    static final int MAX_TRANSITIONS_PER_STEP = 500;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final StateMachine machine;
    private final TaskTokens tokens;

    StateMachineInterpreter(StateMachine machine, TaskTokens tokens) {
        this.machine = machine;
        this.tokens = tokens;
    }

    /** Where to go next: a state and its raw input. */
    private record Move(String state, JsonNode input) {
    }

    void start(Execution execution) {
        execution.record(HistoryEventType.ExecutionStarted, null, JSON.objectNode()
                .put("stateMachine", machine.name())
                .put("correlationId", execution.correlationId)
                .set("input", execution.input));
        run(execution, new Move(machine.startAt(), execution.input));
    }

    void taskSucceeded(Execution execution, JsonNode result) {
        currentTask(execution).ifPresent(task -> {
            execution.record(HistoryEventType.TaskSucceeded, task.name(), JSON.objectNode().set("output", result));
            execution.clearTask();
            JsonNode combined = valueOrFail(execution, task.paths().combine(execution.stateInput, result));
            JsonNode output = combined == null ? null : valueOrFail(execution, task.paths().output(combined));
            if (output != null) {
                exit(execution, task.name(), output, task.next()).ifPresent(move -> run(execution, move));
            }
        });
    }

    void taskFailed(Execution execution, String error, String cause) {
        currentTask(execution).ifPresent(task -> {
            execution.record(HistoryEventType.TaskFailed, task.name(), errorDetails(error, cause));
            execution.clearTask();
            handleError(execution, task, error, cause);
        });
    }

    void taskTimedOut(Execution execution) {
        currentTask(execution).ifPresent(task -> {
            String cause = "the task did not answer within " + task.timeoutSeconds() + " seconds";
            execution.record(HistoryEventType.TaskTimedOut, task.name(), errorDetails(ErrorNames.TIMEOUT, cause));
            execution.clearTask();
            handleError(execution, task, ErrorNames.TIMEOUT, cause);
        });
    }

    /** A retry is due: dispatch the current task again, with a new token. */
    void retryTask(Execution execution) {
        currentTask(execution).ifPresent(task -> schedule(execution, task));
    }

    void timeOut(Execution execution) {
        String cause = "the execution did not finish within " + machine.timeoutSeconds().orElse(0) + " seconds";
        execution.error = ErrorNames.TIMEOUT;
        execution.cause = cause;
        execution.finish(ExecutionStatus.TIMED_OUT);
        execution.record(HistoryEventType.ExecutionTimedOut, execution.currentState,
                errorDetails(ErrorNames.TIMEOUT, cause));
    }

    // ---- running states

    private void run(Execution execution, Move first) {
        Optional<Move> move = Optional.of(first);
        for (int transitions = 0; move.isPresent(); transitions++) {
            if (transitions == MAX_TRANSITIONS_PER_STEP) {
                fail(execution, ErrorNames.RUNTIME, "more than " + MAX_TRANSITIONS_PER_STEP
                        + " state transitions without waiting for a Task: the definition loops");
                return;
            }
            State state = machine.state(move.get().state());
            JsonNode rawInput = move.get().input();
            execution.enter(state.name(), rawInput);
            execution.record(HistoryEventType.StateEntered, state.name(), JSON.objectNode().set("input", rawInput));
            move = switch (state) {
                case TaskState task -> {
                    schedule(execution, task);
                    yield Optional.empty();
                }
                case PassState pass -> pass(execution, pass, rawInput);
                case ChoiceState choice -> choose(execution, choice, rawInput);
                case SucceedState succeed -> {
                    JsonNode effective = valueOrFail(execution, succeed.paths().effectiveInput(rawInput));
                    JsonNode output = effective == null ? null : valueOrFail(execution, succeed.paths().output(effective));
                    if (output != null) {
                        exit(execution, succeed.name(), output, null);
                    }
                    yield Optional.empty();
                }
                case FailState fail -> {
                    fail(execution, fail.error(rawInput), fail.cause(rawInput));
                    yield Optional.empty();
                }
            };
        }
    }

    private Optional<Move> pass(Execution execution, PassState pass, JsonNode rawInput) {
        JsonNode effective = valueOrFail(execution, pass.paths().effectiveInput(rawInput));
        if (effective == null) {
            return Optional.empty();
        }
        JsonNode result = pass.result() != null ? pass.result() : effective;
        JsonNode combined = valueOrFail(execution, pass.paths().combine(rawInput, result));
        JsonNode output = combined == null ? null : valueOrFail(execution, pass.paths().output(combined));
        return output == null ? Optional.empty() : exit(execution, pass.name(), output, pass.next());
    }

    private Optional<Move> choose(Execution execution, ChoiceState choice, JsonNode rawInput) {
        JsonNode effective = valueOrFail(execution, choice.paths().effectiveInput(rawInput));
        if (effective == null) {
            return Optional.empty();
        }
        String target = null;
        for (ChoiceState.Branch branch : choice.branches()) {
            ChoiceRule.Verdict verdict = branch.rule().evaluate(effective);
            if (verdict instanceof ChoiceRule.Verdict.VariableMissing missing) {
                fail(execution, ErrorNames.RUNTIME, "Choice state '" + choice.name() + "': Variable '"
                        + missing.variable() + "' matches nothing in the input");
                return Optional.empty();
            }
            if (verdict instanceof ChoiceRule.Verdict.Decided decided && decided.matches()) {
                target = branch.next();
                break;
            }
        }
        if (target == null) {
            target = choice.defaultState();
        }
        if (target == null) {
            fail(execution, ErrorNames.NO_CHOICE_MATCHED, "no rule of Choice state '" + choice.name()
                    + "' matched and it has no Default");
            return Optional.empty();
        }
        JsonNode output = valueOrFail(execution, choice.paths().output(effective));
        return output == null ? Optional.empty() : exit(execution, choice.name(), output, target);
    }

    /** Records StateExited; then the next state, or the execution's success if there is none. */
    private Optional<Move> exit(Execution execution, String stateName, JsonNode output, String next) {
        execution.record(HistoryEventType.StateExited, stateName, JSON.objectNode().set("output", output));
        if (next == null) {
            execution.output = output;
            execution.finish(ExecutionStatus.SUCCEEDED);
            execution.record(HistoryEventType.ExecutionSucceeded, null, JSON.objectNode().set("output", output));
            return Optional.empty();
        }
        return Optional.of(new Move(next, output));
    }

    // ---- tasks

    private void schedule(Execution execution, TaskState task) {
        JsonNode effective = valueOrFail(execution, task.paths().effectiveInput(execution.stateInput));
        if (effective == null) {
            return;
        }
        int retries = execution.retriesUsed();
        int attempt = retries + 1;
        String token = tokens.mint(execution.id, task.name(), attempt);
        JsonNode payload = valueOrFail(execution, task.payload().resolve(effective, context(execution, retries, token)));
        if (payload == null) {
            return;
        }
        execution.taskToken = token;
        execution.taskDeadline = task.timeoutSeconds() == null ? null
                : execution.now.plusSeconds(task.timeoutSeconds());
        execution.retryAt = null;
        ObjectNode details = JSON.objectNode()
                .put("resource", TaskState.RESOURCE)
                .put("functionName", task.functionName())
                .put("attempt", attempt);
        details.set("payload", payload);
        if (task.timeoutSeconds() != null) {
            details.put("timeoutSeconds", task.timeoutSeconds());
        }
        execution.record(HistoryEventType.TaskScheduled, task.name(), details);
        execution.dispatch(new TaskRequest(task.functionName(), payload, token, execution.id, execution.correlationId));
    }

    /** The context object, {@code $$}. */
    private JsonNode context(Execution execution, int retries, String token) {
        ObjectNode context = JSON.objectNode();
        context.putObject("Execution")
                .put("Id", execution.id)
                .put("Name", execution.id)
                .put("StartTime", execution.startedAt.toString())
                .set("Input", execution.input);
        context.putObject("State")
                .put("Name", execution.currentState)
                .put("EnteredTime", execution.stateEnteredAt.toString())
                .put("RetryCount", retries);
        context.putObject("StateMachine").put("Name", machine.name());
        context.putObject("Task").put("Token", token);
        return context;
    }

    /**
     * Step Functions' order: the first retrier whose ErrorEquals matches decides (retry if it has attempts left);
     * otherwise the first matching catcher; otherwise the execution fails.
     */
    private void handleError(Execution execution, TaskState task, String error, String cause) {
        for (int i = 0; i < task.retriers().size(); i++) {
            Retrier retrier = task.retriers().get(i);
            if (!retrier.matches(error)) {
                continue;
            }
            int used = execution.retriesUsed(i);
            if (used < retrier.maxAttempts()) {
                int retryNumber = used + 1;
                execution.countRetry(i, retryNumber);
                Duration delay = retrier.delayBefore(retryNumber);
                Instant retryAt = execution.now.plus(delay);
                execution.retryAt = retryAt;
                ObjectNode details = errorDetails(error, cause)
                        .put("retrier", i)
                        .put("retryNumber", retryNumber)
                        .put("delaySeconds", delay.toMillis() / 1000.0)
                        .put("retryAt", retryAt.toString());
                execution.record(HistoryEventType.TaskRetried, task.name(), details);
                return;
            }
            break;
        }
        for (Catcher catcher : task.catchers()) {
            if (catcher.matches(error)) {
                ObjectNode errorOutput = JSON.objectNode().put("Error", error).put("Cause", cause == null ? "" : cause);
                JsonNode output = valueOrFail(execution, catcher.output(execution.stateInput, errorOutput));
                if (output == null) {
                    return;
                }
                execution.record(HistoryEventType.StateExited, task.name(), JSON.objectNode()
                        .put("caughtError", error)
                        .set("output", output));
                run(execution, new Move(catcher.next(), output));
                return;
            }
        }
        fail(execution, error, cause);
    }

    private void fail(Execution execution, String error, String cause) {
        execution.error = error;
        execution.cause = cause;
        execution.finish(ExecutionStatus.FAILED);
        execution.record(HistoryEventType.ExecutionFailed, execution.currentState, errorDetails(error, cause));
    }

    /** The value, or null after failing the execution with the path's error. */
    private JsonNode valueOrFail(Execution execution, PathResult result) {
        return switch (result) {
            case PathResult.Found found -> found.value();
            case PathResult.Failed failed -> {
                fail(execution, failed.error(), "State '" + execution.currentState + "': " + failed.cause());
                yield null;
            }
        };
    }

    /**
     * The Task the execution waits in. If the definition no longer has it (changed under the same name), the
     * execution fails with States.Runtime rather than blocking every later reply and sweep.
     */
    private Optional<TaskState> currentTask(Execution execution) {
        if (machine.states().get(execution.currentState) instanceof TaskState task) {
            return Optional.of(task);
        }
        fail(execution, ErrorNames.RUNTIME, "the execution waits in '" + execution.currentState + "', which is not a"
                + " Task of state machine '" + machine.name() + "' (was the definition changed under the same name?)");
        return Optional.empty();
    }

    private static ObjectNode errorDetails(String error, String cause) {
        ObjectNode details = JSON.objectNode();
        details.put("error", error);
        if (cause != null) {
            details.put("cause", cause);
        } else {
            details.putNull("cause");
        }
        return details;
    }
}
