package dev.shop.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.workflow.definition.StateMachine;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.shop.workflow.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Instances come and go: a second engine on the same database continues what the first started, and a step cut
 * short leaves nothing behind (no history, no command in the outbox, no processed-event mark), so the redelivered
 * reply is applied by whichever instance gets it.
 */
class CrashSafetyTest {

    static WorkflowDatabase database;

    @BeforeAll
    static void migrate() {
        database = WorkflowDatabase.migrated("workflow_crash");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** What the checkout module will do: append the task's command to the transactional outbox. */
    static final class OutboxDispatcher implements TaskDispatcher {

        private final Outbox outbox = new Outbox(new EventCodec());

        @Override
        public void dispatch(Handle handle, TaskRequest request) {
            outbox.append(handle, "commands." + request.functionName(), request.executionId(),
                    new EventEnvelope<>(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), "/functions/checkout",
                            "test." + request.functionName(), request.correlationId(), Instant.now(),
                            "schemas/test.json", request.payload()));
        }
    }

    /** The process dies after the command is written but before the step commits. */
    static final class DyingDispatcher implements TaskDispatcher {

        private final OutboxDispatcher outbox = new OutboxDispatcher();

        @Override
        public void dispatch(Handle handle, TaskRequest request) {
            outbox.dispatch(handle, request);
            throw new IllegalStateException("the process was stopped");
        }
    }

    private static List<String> outboxTopics(String executionId) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "select topic from outbox where message_key = :id order by id")
                .bind("id", executionId)
                .mapTo(String.class)
                .list());
    }

    private static String outboxToken(String executionId, String topic) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        select convert_from(payload, 'UTF8')::jsonb -> 'data' ->> 'taskToken'
                          from outbox where message_key = :id and topic = :topic order by id desc limit 1""")
                .bind("id", executionId)
                .bind("topic", topic)
                .mapTo(String.class)
                .one());
    }

    @Test
    void aSecondInstanceContinuesWhatTheFirstStarted() {
        StateMachine machine = StateMachine.load("definitions/checkout.asl.json").named("checkout-instances");
        TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
        RecordingDispatcher first = new RecordingDispatcher();
        RecordingDispatcher second = new RecordingDispatcher();
        WorkflowEngine one = new WorkflowEngine(database.jdbi(), machine, first, clock, Json.MAPPER);
        WorkflowEngine two = new WorkflowEngine(database.jdbi(), machine, second, clock, Json.MAPPER);
        String id = "co-" + UUID.randomUUID();

        one.start(id, CheckoutWorkflowTest.checkoutInput(id), "corr");
        two.onTaskSucceeded("e1-" + id, first.last(id).taskToken(), json("{'reservationId': 'r-1'}"));
        assertThat(second.last(id).functionName()).isEqualTo("processPayment");
        assertThat(one.onTaskSucceeded("e1-" + id, first.last(id).taskToken(), json("{}")))
                .as("the other instance processed that event").isInstanceOf(ReplyOutcome.AlreadyProcessed.class);

        two.onTaskFailed("e2-" + id, second.last(id).taskToken(), "Payment.Unavailable", "down");
        clock.advanceSeconds(2);
        assertThat(one.sweep()).isEqualTo(1);
        assertThat(first.last(id).functionName()).isEqualTo("processPayment");
        one.onTaskSucceeded("e3-" + id, first.last(id).taskToken(), json("{'paymentId': 'p-1'}"));
        two.onTaskSucceeded("e4-" + id, first.last(id).taskToken(), json("{'orderId': 'o-1'}"));
        one.onTaskSucceeded("e5-" + id, second.last(id).taskToken(), json("{}"));

        assertThat(two.describe(id)).isEqualTo(one.describe(id));
        assertThat(one.describe(id).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void aStepCutShortLeavesNothingAndTheRedeliveredReplyIsApplied() {
        StateMachine machine = StateMachine.load("definitions/checkout.asl.json").named("checkout-crash");
        TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
        WorkflowEngine before = new WorkflowEngine(database.jdbi(), machine, new OutboxDispatcher(), clock, Json.MAPPER);
        WorkflowEngine dying = new WorkflowEngine(database.jdbi(), machine, new DyingDispatcher(), clock, Json.MAPPER);
        String id = "co-" + UUID.randomUUID();

        before.start(id, CheckoutWorkflowTest.checkoutInput(id), "corr");
        assertThat(outboxTopics(id)).containsExactly("commands.reserveInventory");
        String token = outboxToken(id, "commands.reserveInventory");
        ExecutionView started = before.describe(id).orElseThrow();

        assertThatThrownBy(() -> dying.onTaskSucceeded("reply-1", token, json("{'reservationId': 'r-1'}")))
                .hasMessage("the process was stopped");

        assertThat(before.describe(id)).contains(started);
        assertThat(outboxTopics(id)).as("the payment command left with the rolled-back step")
                .containsExactly("commands.reserveInventory");
        assertThat(database.count("select count(*) from processed_events where event_id = 'reply-1'")).isZero();

        WorkflowEngine restarted = new WorkflowEngine(database.jdbi(), machine, new OutboxDispatcher(), clock, Json.MAPPER);
        assertThat(restarted.onTaskSucceeded("reply-1", token, json("{'reservationId': 'r-1'}")))
                .isEqualTo(new ReplyOutcome.Applied(id, ExecutionStatus.RUNNING, "ProcessPayment"));
        assertThat(outboxTopics(id)).containsExactly("commands.reserveInventory", "commands.processPayment");
        assertThat(restarted.onTaskSucceeded("reply-1", token, json("{}")))
                .isInstanceOf(ReplyOutcome.AlreadyProcessed.class);
    }

    @Test
    void aSweepCutShortIsRedoneByTheNextSweep() {
        StateMachine machine = StateMachine.load("definitions/checkout.asl.json").named("checkout-crash-sweep");
        TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
        WorkflowEngine healthy = new WorkflowEngine(database.jdbi(), machine, new OutboxDispatcher(), clock, Json.MAPPER);
        WorkflowEngine dying = new WorkflowEngine(database.jdbi(), machine, new DyingDispatcher(), clock, Json.MAPPER);
        String id = "co-" + UUID.randomUUID();
        healthy.start(id, CheckoutWorkflowTest.checkoutInput(id), "corr");
        clock.advanceSeconds(60);
        assertThat(healthy.sweep()).as("timed out; retry in 5 s").isEqualTo(1);
        clock.advanceSeconds(5);

        assertThatThrownBy(dying::sweep).hasMessage("the process was stopped");
        assertThat(outboxTopics(id)).containsExactly("commands.reserveInventory");

        assertThat(healthy.sweep()).isEqualTo(1);
        assertThat(outboxTopics(id)).containsExactly("commands.reserveInventory", "commands.reserveInventory");
        assertThat(outboxToken(id, "commands.reserveInventory")).contains(":ReserveInventory:2:");
    }

    @Test
    void anExecutionWhoseStateVanishedFromAChangedDefinitionFailsInsteadOfBlockingSweeps() {
        TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
        RecordingDispatcher commands = new RecordingDispatcher();
        StateMachine original = StateMachine.load("definitions/checkout.asl.json").named("checkout-evolving");
        StateMachine changed = StateMachine.load("definitions/routing.asl.json").named("checkout-evolving");
        String id = "co-" + UUID.randomUUID();
        new WorkflowEngine(database.jdbi(), original, commands, clock, Json.MAPPER)
                .start(id, CheckoutWorkflowTest.checkoutInput(id), "corr");
        WorkflowEngine redeployed = new WorkflowEngine(database.jdbi(), changed, commands, clock, Json.MAPPER);

        clock.advanceSeconds(60);
        assertThat(redeployed.sweep()).isEqualTo(1);

        ExecutionView view = redeployed.describe(id).orElseThrow();
        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("States.Runtime");
        assertThat(view.cause()).contains("'ReserveInventory'").contains("changed under the same name");
        assertThat(redeployed.sweep()).isZero();
    }
}
