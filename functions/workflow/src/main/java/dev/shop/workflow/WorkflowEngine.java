package dev.shop.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.shop.runtime.inbox.ProcessedEvents;
import dev.shop.workflow.definition.StateMachine;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs executions of one {@link StateMachine} on Postgres, Step Functions style. Every step (a start, a reply,
 * a timeout, a due retry) is one transaction that also records the history and hands new tasks to the
 * {@link TaskDispatcher}, so a process stopped at any point leaves a consistent execution that any other
 * instance on the same database continues. Thread-safe; any number of instances may share a database.
 *
 * <p>Time comes from the {@link Clock} only. Task and execution deadlines take effect when {@link #sweep()}
 * finds them; a reply that arrives before that is still accepted.
 */
public class WorkflowEngine {

    private static final Logger log = LoggerFactory.getLogger(WorkflowEngine.class);

    /** Every step's transaction notifies this channel with the execution's id ({@link ExecutionNotifications}). */
    public static final String STEP_CHANNEL = "shop_workflow_steps";

    /** Execution ids are Step Functions execution names, narrowed: 1-80 letters, digits, '-', '_' and '.'. */
    private static final Pattern EXECUTION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    /** Attempts at a step that keeps losing the optimistic lock to other instances, before giving up. */
    static final int MAX_STEP_ATTEMPTS = 5;
    /** At most this many executions per {@link #sweep()}, so one call stays short. */
    static final int MAX_SWEEP_BATCH = 1000;

    private final Jdbi jdbi;
    private final StateMachine machine;
    private final TaskDispatcher dispatcher;
    private final Clock clock;
    private final ExecutionStore store;
    private final StateMachineInterpreter interpreter;
    private final String consumer;

    public WorkflowEngine(Jdbi jdbi, StateMachine machine, TaskDispatcher dispatcher, Clock clock, ObjectMapper mapper) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new ExecutionStore(Objects.requireNonNull(mapper, "mapper"));
        this.interpreter = new StateMachineInterpreter(machine, new TaskTokens());
        // One consumer name per state machine, so engines of two machines in one schema each see every reply.
        this.consumer = "workflow:" + machine.name();
    }

    public StateMachine stateMachine() {
        return machine;
    }

    /**
     * Starts an execution and runs it up to its first Task (dispatched before this returns, in the same
     * transaction) or its end. Idempotent: an existing id is returned unchanged, and nothing is run again.
     *
     * @param executionId   unique per execution, e.g. the checkout id: 1-80 of {@code [A-Za-z0-9_.-]}
     * @param input         the execution's input; null is {@code {}}
     * @param correlationId handed to every {@link TaskRequest}
     * @return {@code executionId}
     */
    public String start(String executionId, JsonNode input, String correlationId) {
        if (executionId == null || !EXECUTION_ID.matcher(executionId).matches()) {
            throw new IllegalArgumentException("executionId must match " + EXECUTION_ID + ", got '" + executionId + "'");
        }
        if (correlationId == null || correlationId.isBlank()) {
            throw new IllegalArgumentException("correlationId must not be blank");
        }
        JsonNode executionInput = input == null ? JsonNodeFactory.instance.objectNode() : input.deepCopy();
        return jdbi.inTransaction(handle -> {
            if (store.exists(handle, executionId)) {
                log.debug("execution {} exists already; start changes nothing", executionId);
                return executionId;
            }
            Instant now = now();
            Instant deadline = machine.timeoutSeconds().map(now::plusSeconds).orElse(null);
            Execution execution = Execution.starting(executionId, machine.name(), correlationId, executionInput,
                    deadline, machine.startAt(), now);
            interpreter.start(execution);
            // A concurrent start of the same id waits here for the other's commit, then inserts nothing.
            if (store.insert(handle, execution)) {
                writeStep(handle, execution);
            }
            return executionId;
        });
    }

    /**
     * A task's success reply ({@code SendTaskSuccess}): places {@code output} at the task's ResultPath and runs
     * on. A redelivered event or a token that is not the outstanding one changes nothing.
     *
     * @param eventId the reply event's id, for de-duplication
     */
    public ReplyOutcome onTaskSucceeded(String eventId, String taskToken, JsonNode output) {
        JsonNode result = output == null ? JsonNodeFactory.instance.nullNode() : output.deepCopy();
        return reply(eventId, taskToken, execution -> interpreter.taskSucceeded(execution, result));
    }

    /**
     * A task's failure reply ({@code SendTaskFailure}): the task's Retry and Catch rules decide what happens,
     * else the execution fails with this error. A redelivered event or a token that is not the outstanding one
     * changes nothing.
     *
     * @param error a stable error name such as {@code Payment.Declined}
     * @param cause words for people, or null
     */
    public ReplyOutcome onTaskFailed(String eventId, String taskToken, String error, String cause) {
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("error must name the error, e.g. Payment.Declined");
        }
        return reply(eventId, taskToken, execution -> interpreter.taskFailed(execution, error, cause));
    }

    private ReplyOutcome reply(String eventId, String taskToken, Consumer<Execution> apply) {
        if (eventId == null || eventId.isBlank() || taskToken == null || taskToken.isBlank()) {
            throw new IllegalArgumentException("a reply needs an event id and a task token");
        }
        return inStep("reply " + eventId, handle -> {
            if (!ProcessedEvents.firstDelivery(handle, consumer, eventId)) {
                log.debug("reply {} was processed before; ignored", eventId);
                return new ReplyOutcome.AlreadyProcessed(eventId);
            }
            Instant now = now();
            Optional<Execution> found = store.findByToken(handle, machine.name(), taskToken, now);
            if (found.isEmpty()) {
                log.debug("reply {} names a task token that is not outstanding (stale, answered or unknown); ignored",
                        eventId);
                return new ReplyOutcome.NotOutstanding(taskToken);
            }
            Execution execution = found.get();
            apply.accept(execution);
            saveStep(handle, execution);
            return new ReplyOutcome.Applied(execution.id, execution.status, execution.currentState);
        });
    }

    /**
     * Advances every running execution with something due: a task past its TimeoutSeconds (a States.Timeout
     * error, then Retry/Catch), a retry whose time has come (the task is dispatched again with a new token), an
     * execution past its TimeoutSeconds (TIMED_OUT). One small transaction per execution, taking rows with
     * {@code for update skip locked}, so several instances can sweep at once.
     *
     * @return how many executions it advanced
     */
    public int sweep() {
        List<String> seen = new ArrayList<>();
        int advanced = 0;
        while (seen.size() < MAX_SWEEP_BATCH) {
            Optional<Execution> swept;
            try {
                swept = jdbi.inTransaction(handle -> {
                    Instant now = now();
                    Optional<Execution> due = store.lockNextDue(handle, machine.name(), now, seen);
                    due.ifPresent(execution -> {
                        if (execution.executionDeadline != null && !now.isBefore(execution.executionDeadline)) {
                            interpreter.timeOut(execution);
                        } else if (execution.taskToken != null) {
                            interpreter.taskTimedOut(execution);
                        } else {
                            interpreter.retryTask(execution);
                        }
                        saveStep(handle, execution);
                    });
                    return due;
                });
            } catch (LostRace race) {
                // Cannot happen while the row is locked; if it does, the next sweep sees the execution afresh.
                log.debug("sweep: {}; left for the next sweep", race.getMessage());
                seen.add(race.executionId);
                continue;
            }
            if (swept.isEmpty()) {
                break;
            }
            seen.add(swept.get().id);
            advanced++;
        }
        return advanced;
    }

    /** The execution with its history, if it exists. */
    public Optional<ExecutionView> describe(String executionId) {
        // One snapshot for the row and its history.
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> store.describe(handle, executionId));
    }

    /** Where the execution stands, without its history, if it exists. */
    public Optional<ExecutionSummary> summary(String executionId) {
        return jdbi.withHandle(handle -> store.summary(handle, executionId));
    }

    /** The clock's time at the database's precision, so what a step computes is what it stores. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- steps

    /** Thrown inside a step's transaction when another transaction changed the execution first. */
    private static final class LostRace extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final String executionId;

        LostRace(String executionId) {
            super("execution " + executionId + " changed concurrently", null, false, false);
            this.executionId = executionId;
        }
    }

    /** Runs a step's transaction, again from the start (re-reading everything) when it lost a race. */
    private <T> T inStep(String what, Function<Handle, T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(step::apply);
            } catch (LostRace race) {
                if (attempt == MAX_STEP_ATTEMPTS) {
                    throw new ExecutionContendedException(what + ": " + race.getMessage() + " " + attempt
                            + " times in a row; nothing was changed, try again");
                }
                log.debug("{}: {}; running the step again", what, race.getMessage());
            }
        }
    }

    /** Claims the row (optimistic lock), then writes history and dispatches. */
    private void saveStep(Handle handle, Execution execution) {
        if (!store.update(handle, execution)) {
            throw new LostRace(execution.id);
        }
        writeStep(handle, execution);
    }

    private void writeStep(Handle handle, Execution execution) {
        store.appendHistory(handle, execution);
        for (TaskRequest request : execution.dispatches()) {
            dispatcher.dispatch(handle, request);
        }
        // Delivered at commit, to whoever waits on this execution in any process.
        handle.execute("select pg_notify(?, ?)", STEP_CHANNEL, execution.id);
    }
}
