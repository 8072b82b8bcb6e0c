package dev.shop.workflow;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.workflow.definition.StateMachine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.shop.workflow.HistoryEventType.ExecutionFailed;
import static dev.shop.workflow.HistoryEventType.ExecutionStarted;
import static dev.shop.workflow.HistoryEventType.ExecutionSucceeded;
import static dev.shop.workflow.HistoryEventType.StateEntered;
import static dev.shop.workflow.HistoryEventType.StateExited;
import static dev.shop.workflow.HistoryEventType.TaskFailed;
import static dev.shop.workflow.HistoryEventType.TaskRetried;
import static dev.shop.workflow.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Pass, Choice, Succeed and Fail semantics, the payload's paths and context, and data errors. */
class PassChoiceAndPathsTest {

    private static final AtomicInteger MACHINES = new AtomicInteger();

    static WorkflowDatabase database;

    TestClock clock;
    RecordingDispatcher commands;
    WorkflowEngine routing;
    WorkflowEngine notify;

    @BeforeAll
    static void migrate() {
        database = WorkflowDatabase.migrated("workflow_routing");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newEngines() {
        clock = TestClock.at("2026-03-01T10:00:00Z");
        commands = new RecordingDispatcher();
        int n = MACHINES.incrementAndGet();
        routing = new WorkflowEngine(database.jdbi(), StateMachine.load("definitions/routing.asl.json").named("routing-" + n),
                commands, clock, Json.MAPPER);
        notify = new WorkflowEngine(database.jdbi(), StateMachine.load("definitions/context.asl.json").named("notify-" + n),
                commands, clock, Json.MAPPER);
    }

    private ExecutionView route(String input) {
        String id = "r-" + UUID.randomUUID();
        routing.start(id, json(input), "corr");
        return routing.describe(id).orElseThrow();
    }

    private static String routeTaken(ExecutionView view) {
        return view.history().stream().filter(event -> event.type() == StateEntered).skip(2).findFirst()
                .map(HistoryEvent::stateName).orElseThrow();
    }

    @Test
    void passAndChoiceRunToTheEndWithinTheStartingStep() {
        ExecutionView view = route("{'order': {'totalCents': 500}}");

        assertThat(view.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(routeTaken(view)).isEqualTo("Standard");
        // Summarise: InputPath $.shipping, ResultPath null keeps the raw input, OutputPath picks the options.
        assertThat(view.output()).isEqualTo(json("{'express': false, 'carrier': 'post'}"));
        assertThat(view.historyTypes()).containsExactly(ExecutionStarted,
                StateEntered, StateExited, StateEntered, StateExited, StateEntered, StateExited,
                StateEntered, StateExited, StateEntered, StateExited, ExecutionSucceeded);
        assertThat(view.history().get(2).details().get("output")).as("Pass Result at ResultPath $.shipping.options")
                .isEqualTo(json("{'order': {'totalCents': 500}, 'shipping': {'options': {'express': false, 'carrier': 'post'}}}"));
        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void choiceRulesPickTheFirstMatch() {
        ExecutionView review = route("{'order': {'totalCents': 200000, 'country': 'DE', 'vip': true}}");
        assertThat(routeTaken(review)).as("And before Or").isEqualTo("ManualReview");
        assertThat(review.output().get("route").textValue()).isEqualTo("manual-review");

        assertThat(routeTaken(route("{'order': {'totalCents': 200000, 'country': 'FR', 'vip': true}}"))).isEqualTo("Special");
        assertThat(routeTaken(route("{'order': {'totalCents': -5}}"))).isEqualTo("Special");
        assertThat(routeTaken(route("{'order': {'totalCents': 0, 'vip': false}}"))).isEqualTo("Free");
        assertThat(routeTaken(route("{'order': {'totalCents': 0.0}}"))).as("numbers compare by value").isEqualTo("Free");
        assertThat(routeTaken(route("{'order': {'totalCents': 1}}"))).as("Default").isEqualTo("Standard");
    }

    @Test
    void aFailStateFailsTheExecutionWithItsErrorAndCause() {
        ExecutionView view = route("{'no': 'order'}");

        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("Order.Missing");
        assertThat(view.cause()).isEqualTo("The input has no order.");
        assertThat(view.currentState()).isEqualTo("MissingOrder");
        assertThat(view.output()).isNull();
        assertThat(view.historyTypes()).endsWith(StateExited, StateEntered, ExecutionFailed);
    }

    @Test
    void aFailStateCanTakeItsErrorAndCauseFromItsInput() {
        ExecutionView view = route("{'order': {'totalCents': 10, 'rejection': {'code': 'Order.Fraud', 'reason': 'Card reported stolen'}}}");

        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.currentState()).isEqualTo("Rejected");
        assertThat(view.error()).isEqualTo("Order.Fraud");
        assertThat(view.cause()).isEqualTo("Card reported stolen");
    }

    @Test
    void aComparedVariableMissingFromTheInputIsAStatesRuntimeError() {
        ExecutionView view = route("{'order': {'country': 'DE'}}");

        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("States.Runtime");
        assertThat(view.cause()).contains("'$.order.totalCents'");
    }

    @Test
    void aResultPathThatCannotBeWrittenIsAResultPathMatchFailure() {
        ExecutionView view = route("'just a string'");

        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("States.ResultPathMatchFailure");
        assertThat(view.cause()).contains("AddDefaults").contains("$.shipping.options");
    }

    private static final String NOTIFY_INPUT = """
            {'request': {'lines': [{'sku': 'MUG'}, {'sku': 'CUP'}], 'customer': {'id': 'u-1'}}, 'other': 1}""";

    @Test
    void thePayloadTakesInputPathsContextPathsAndLiterals() {
        String id = "n-" + UUID.randomUUID();
        notify.start(id, json(NOTIFY_INPUT), "corr-n");

        TaskRequest task = commands.last(id);
        assertThat(task.functionName()).isEqualTo("notify");
        assertThat(task.payload()).isEqualTo(json("""
                {'taskToken': '%s', 'executionId': '%s', 'startedAt': '2026-03-01T10:00:00Z', 'state': 'Notify',
                 'retryCount': 0, 'firstSku': 'MUG', 'customer': {'id': 'u-1', 'channel': 'email'},
                 'all': {'lines': [{'sku': 'MUG'}, {'sku': 'CUP'}], 'customer': {'id': 'u-1'}},
                 'literalDollar': '$.not.a.path'}""".formatted(task.taskToken(), id)));
        assertThat(task.taskToken()).startsWith(id + ":Notify:1:");

        notify.onTaskSucceeded("e-" + UUID.randomUUID(), task.taskToken(), json("{'messageId': 'm-1'}"));

        ExecutionView view = notify.describe(id).orElseThrow();
        assertThat(view.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(view.output()).as("ResultPath on the raw input, then OutputPath").isEqualTo(json("{'messageId': 'm-1'}"));
    }

    @Test
    void onlyTheFirstMatchingRetrierCountsThenCatchPassesTheErrorOn() {
        String id = "n-" + UUID.randomUUID();
        notify.start(id, json(NOTIFY_INPUT), "corr-n");

        notify.onTaskFailed("e-" + UUID.randomUUID(), commands.last(id).taskToken(), "Notify.Busy", "try later");
        clock.advanceSeconds(1);
        assertThat(notify.sweep()).isEqualTo(1);
        assertThat(commands.last(id).payload().get("retryCount").intValue()).isEqualTo(1);
        // Notify.Busy's retrier is used up; the States.TaskFailed retrier after it must not take over.
        notify.onTaskFailed("e-" + UUID.randomUUID(), commands.last(id).taskToken(), "Notify.Busy", "still busy");

        ExecutionView view = notify.describe(id).orElseThrow();
        assertThat(view.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(view.output()).isEqualTo(json("{'Error': 'Notify.Busy', 'Cause': 'still busy'}"));
        assertThat(view.history().stream().filter(event -> event.type() == TaskRetried)).hasSize(1);
        assertThat(view.history().stream().filter(event -> event.type() == TaskFailed)).hasSize(2);
    }

    @Test
    void statesTaskFailedRetriesAnyTaskError() {
        String id = "n-" + UUID.randomUUID();
        notify.start(id, json(NOTIFY_INPUT), "corr-n");

        notify.onTaskFailed("e-" + UUID.randomUUID(), commands.last(id).taskToken(), "Mail.Bounced", null);

        JsonNode retried = notify.describe(id).orElseThrow().history().getLast().details();
        assertThat(retried.get("retrier").intValue()).isEqualTo(1);
        assertThat(retried.get("delaySeconds").doubleValue()).isEqualTo(3.0);
        assertThat(retried.get("cause").isNull()).isTrue();
        clock.advanceSeconds(3);
        assertThat(notify.sweep()).isEqualTo(1);
        notify.onTaskFailed("e-" + UUID.randomUUID(), commands.last(id).taskToken(), "Mail.Bounced", null);
        assertThat(notify.describe(id).orElseThrow().history().getLast().details().get("delaySeconds").doubleValue())
                .as("3 s × 1.5").isEqualTo(4.5);
    }

    @Test
    void anInputPathThatMatchesNothingFailsTheExecutionBeforeAnyTaskIsSent() {
        String id = "n-" + UUID.randomUUID();
        notify.start(id, json("{'other': 1}"), "corr-n");

        ExecutionView view = notify.describe(id).orElseThrow();
        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("States.Runtime");
        assertThat(view.cause()).contains("InputPath '$.request'");
        assertThat(commands.sentFor(id)).isEmpty();
    }

    @Test
    void aPayloadPathThatMatchesNothingFailsTheExecution() {
        String id = "n-" + UUID.randomUUID();
        notify.start(id, json("{'request': {'lines': []}}"), "corr-n");

        ExecutionView view = notify.describe(id).orElseThrow();
        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("States.Runtime");
        assertThat(view.cause()).contains("'$.lines[0].sku'").contains("'$.customer.id'");
        assertThat(commands.sentFor(id)).isEmpty();
    }

    @Test
    void aDefinitionThatLoopsWithoutATaskFailsInsteadOfSpinning() {
        StateMachine loop = StateMachine.parse("""
                {
                  "StartAt": "Again",
                  "States": {
                    "Again": { "Type": "Choice", "Choices": [ { "Variable": "$.stop", "BooleanEquals": true, "Next": "Done" } ],
                               "Default": "Again" },
                    "Done": { "Type": "Succeed" }
                  }
                }""").named("loop-" + MACHINES.incrementAndGet());
        WorkflowEngine engine = new WorkflowEngine(database.jdbi(), loop, commands, clock, Json.MAPPER);

        engine.start("loop-1", json("{'stop': false}"), "corr");

        ExecutionView view = engine.describe("loop-1").orElseThrow();
        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("States.Runtime");
        assertThat(view.cause()).contains("loops");
    }
}
