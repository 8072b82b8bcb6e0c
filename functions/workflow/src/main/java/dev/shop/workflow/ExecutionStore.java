package dev.shop.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The {@code executions} and {@code execution_history} tables, in whatever schema the handle's search_path
 * names. All times come from the engine's clock, never from the database's {@code now()}.
 */
final class ExecutionStore {

    private static final String COLUMNS = """
            id, state_machine, status, current_state, correlation_id, input, state_input, state_entered_at, output,
            error, cause, task_token, task_deadline, retry_at, retry_counts, started_at, updated_at,
            execution_deadline, version""";

    private final ObjectMapper mapper;

    ExecutionStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    boolean exists(Handle handle, String id) {
        return handle.createQuery("select exists (select 1 from executions where id = :id)")
                .bind("id", id)
                .mapTo(Boolean.class)
                .one();
    }

    /** The running execution of {@code stateMachine} whose outstanding task has this token. */
    Optional<Execution> findByToken(Handle handle, String stateMachine, String taskToken, Instant now) {
        return handle.createQuery("select " + COLUMNS + """
                         from executions
                        where task_token = :token and state_machine = :stateMachine and status = 'RUNNING'""")
                .bind("token", taskToken)
                .bind("stateMachine", stateMachine)
                .map((rs, ctx) -> execution(rs, now))
                .findOne();
    }

    /**
     * Locks one running execution of {@code stateMachine} with something due at {@code now} (execution deadline,
     * task deadline, or retry), skipping rows other transactions hold and the ids in {@code skip}.
     */
    Optional<Execution> lockNextDue(Handle handle, String stateMachine, Instant now, List<String> skip) {
        return handle.createQuery("select " + COLUMNS + """
                         from executions
                        where state_machine = :stateMachine
                          and status = 'RUNNING'
                          and (execution_deadline <= :now
                               or (task_token is not null and task_deadline <= :now)
                               or (task_token is null and retry_at <= :now))
                          and not (id = any(:skip))
                        order by updated_at, id
                        limit 1
                        for update skip locked""")
                .bind("stateMachine", stateMachine)
                .bind("now", time(now))
                .bindArray("skip", String.class, skip)
                .map((rs, ctx) -> execution(rs, now))
                .findOne();
    }

    Optional<ExecutionView> describe(Handle handle, String id) {
        // Loaded as a step would load it; its "now" is the row's updated_at.
        Optional<Execution> found = handle.createQuery("select " + COLUMNS + " from executions where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> execution(rs, instant(rs, "updated_at")))
                .findOne();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Execution execution = found.get();
        Instant updatedAt = execution.now;
        List<HistoryEvent> history = handle.createQuery("""
                        select seq, type, state_name, details, occurred_at
                          from execution_history
                         where execution_id = :id
                         order by seq""")
                .bind("id", id)
                .map((rs, ctx) -> new HistoryEvent(rs.getInt("seq"), HistoryEventType.valueOf(rs.getString("type")),
                        rs.getString("state_name"), json(rs.getString("details")), instant(rs, "occurred_at")))
                .list();
        return Optional.of(new ExecutionView(execution.id, execution.stateMachine, execution.status,
                execution.currentState, execution.correlationId, execution.input, execution.output, execution.error,
                execution.cause, execution.startedAt, updatedAt, history));
    }

    Optional<ExecutionSummary> summary(Handle handle, String id) {
        return handle.createQuery("select status, current_state, error, cause from executions where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new ExecutionSummary(id, ExecutionStatus.valueOf(rs.getString("status")),
                        rs.getString("current_state"), rs.getString("error"), rs.getString("cause")))
                .findOne();
    }

    /** Inserts a new execution at version 1; false if the id exists already (nothing is written then). */
    boolean insert(Handle handle, Execution execution) {
        var insert = handle.createUpdate("""
                insert into executions (id, state_machine, status, current_state, correlation_id, input, state_input,
                                        state_entered_at, output, error, cause, task_token, task_deadline, retry_at,
                                        retry_counts, started_at, updated_at, execution_deadline, version)
                values (:id, :stateMachine, :status, :currentState, :correlationId, cast(:input as jsonb),
                        cast(:stateInput as jsonb), :stateEnteredAt, cast(:output as jsonb), :error, :cause, :taskToken,
                        :taskDeadline, :retryAt, cast(:retryCounts as jsonb), :startedAt, :updatedAt,
                        :executionDeadline, 1)
                on conflict (id) do nothing""");
        bindState(insert, execution)
                .bind("stateMachine", execution.stateMachine)
                .bind("correlationId", execution.correlationId)
                .bind("input", text(execution.input))
                .bind("startedAt", time(execution.startedAt))
                .bind("executionDeadline", time(execution.executionDeadline));
        return insert.execute() == 1;
    }

    /**
     * Writes the step's changes if the row is still at the version it was loaded with, and bumps the version.
     * False if another transaction changed the execution first (the caller must not write anything else then).
     */
    boolean update(Handle handle, Execution execution) {
        var update = handle.createUpdate("""
                update executions
                   set status = :status, current_state = :currentState, state_input = cast(:stateInput as jsonb),
                       state_entered_at = :stateEnteredAt, output = cast(:output as jsonb), error = :error,
                       cause = :cause, task_token = :taskToken, task_deadline = :taskDeadline, retry_at = :retryAt,
                       retry_counts = cast(:retryCounts as jsonb), updated_at = :updatedAt, version = version + 1
                 where id = :id and version = :version""");
        bindState(update, execution).bind("version", execution.version);
        return update.execute() == 1;
    }

    /** Appends the step's history events after the execution's last one. Call with the execution row claimed. */
    void appendHistory(Handle handle, Execution execution) {
        int last = handle.createQuery("select coalesce(max(seq), 0) from execution_history where execution_id = :id")
                .bind("id", execution.id)
                .mapTo(Integer.class)
                .one();
        var batch = handle.prepareBatch("""
                insert into execution_history (execution_id, seq, type, state_name, details, occurred_at)
                values (:id, :seq, :type, :stateName, cast(:details as jsonb), :occurredAt)""");
        int seq = last;
        for (Execution.NewEvent event : execution.newEvents()) {
            batch.bind("id", execution.id)
                    .bind("seq", ++seq)
                    .bind("type", event.type().name())
                    .bind("stateName", event.stateName())
                    .bind("details", text(event.details()))
                    .bind("occurredAt", time(event.occurredAt()))
                    .add();
        }
        if (seq > last) {
            batch.execute();
        }
    }

    private <T extends SqlStatement<T>> T bindState(T statement, Execution execution) {
        return statement
                .bind("id", execution.id)
                .bind("status", execution.status.name())
                .bind("currentState", execution.currentState)
                .bind("stateInput", text(execution.stateInput))
                .bind("stateEnteredAt", time(execution.stateEnteredAt))
                .bind("output", text(execution.output))
                .bind("error", execution.error)
                .bind("cause", execution.cause)
                .bind("taskToken", execution.taskToken)
                .bind("taskDeadline", time(execution.taskDeadline))
                .bind("retryAt", time(execution.retryAt))
                .bind("retryCounts", text(execution.retryCounts))
                .bind("updatedAt", time(execution.now));
    }

    private Execution execution(ResultSet rs, Instant now) throws SQLException {
        Execution execution = new Execution(rs.getString("id"), rs.getString("state_machine"),
                rs.getString("correlation_id"), json(rs.getString("input")), instant(rs, "started_at"),
                instant(rs, "execution_deadline"), rs.getLong("version"), now);
        execution.status = ExecutionStatus.valueOf(rs.getString("status"));
        execution.currentState = rs.getString("current_state");
        execution.stateInput = json(rs.getString("state_input"));
        execution.stateEnteredAt = instant(rs, "state_entered_at");
        execution.output = json(rs.getString("output"));
        execution.error = rs.getString("error");
        execution.cause = rs.getString("cause");
        execution.taskToken = rs.getString("task_token");
        execution.taskDeadline = instant(rs, "task_deadline");
        execution.retryAt = instant(rs, "retry_at");
        execution.retryCounts = (ObjectNode) json(rs.getString("retry_counts"));
        return execution;
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable jsonb from the executions tables", e);
        }
    }

    private String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
