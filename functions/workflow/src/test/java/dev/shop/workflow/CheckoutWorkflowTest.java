package dev.shop.workflow;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.workflow.definition.StateMachine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.shop.workflow.HistoryEventType.ExecutionFailed;
import static dev.shop.workflow.HistoryEventType.ExecutionStarted;
import static dev.shop.workflow.HistoryEventType.ExecutionSucceeded;
import static dev.shop.workflow.HistoryEventType.ExecutionTimedOut;
import static dev.shop.workflow.HistoryEventType.StateEntered;
import static dev.shop.workflow.HistoryEventType.StateExited;
import static dev.shop.workflow.HistoryEventType.TaskFailed;
import static dev.shop.workflow.HistoryEventType.TaskRetried;
import static dev.shop.workflow.HistoryEventType.TaskScheduled;
import static dev.shop.workflow.HistoryEventType.TaskSucceeded;
import static dev.shop.workflow.HistoryEventType.TaskTimedOut;
import static dev.shop.workflow.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkout saga's paths through the engine, on a real Postgres, with the clock and the replies in the test's hands. */
class CheckoutWorkflowTest {

    private static final StateMachine CHECKOUT = StateMachine.load("definitions/checkout.asl.json");
    private static final AtomicInteger MACHINES = new AtomicInteger();

    static WorkflowDatabase database;

    TestClock clock;
    RecordingDispatcher commands;
    WorkflowEngine engine;

    @BeforeAll
    static void migrate() {
        database = WorkflowDatabase.migrated("workflow_checkout");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newEngine() {
        clock = TestClock.at("2026-03-01T10:00:00Z");
        commands = new RecordingDispatcher();
        // A machine name per test: sweep() only sees its own machine's executions, so tests cannot meet.
        engine = new WorkflowEngine(database.jdbi(), CHECKOUT.named("checkout-" + MACHINES.incrementAndGet()),
                commands, clock, Json.MAPPER);
    }

    static JsonNode checkoutInput(String checkoutId) {
        return json("""
                {'checkoutId': '%s', 'cartId': 'cart-7', 'customerId': 'u-42', 'currency': 'EUR', 'totalCents': 2598,
                 'paymentToken': 'tok_visa',
                 'lines': [{'sku': 'KIT-MUG-RED', 'name': 'Mug', 'quantity': 2, 'unitPriceCents': 1299}],
                 'stockLines': [{'sku': 'KIT-MUG-RED', 'quantity': 2}]}""".formatted(checkoutId));
    }

    private String startCheckout() {
        String id = "co-" + UUID.randomUUID();
        assertThat(engine.start(id, checkoutInput(id), "corr-" + id)).isEqualTo(id);
        return id;
    }

    private ReplyOutcome succeed(String id, String output) {
        return engine.onTaskSucceeded(UUID.randomUUID().toString(), commands.last(id).taskToken(), json(output));
    }

    private ReplyOutcome fail(String id, String error, String cause) {
        return engine.onTaskFailed(UUID.randomUUID().toString(), commands.last(id).taskToken(), error, cause);
    }

    private ExecutionView view(String id) {
        return engine.describe(id).orElseThrow();
    }

    private static void assertSeqsAreGapless(ExecutionView view) {
        assertThat(view.history()).extracting(HistoryEvent::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, view.history().size()).boxed().toList());
    }

    @Test
    void theHappyPathSucceedsWithTheOrderAsOutput() {
        String id = startCheckout();

        TaskRequest reserve = commands.last(id);
        assertThat(reserve.functionName()).isEqualTo("reserveInventory");
        assertThat(reserve.correlationId()).isEqualTo("corr-" + id);
        assertThat(reserve.payload()).isEqualTo(json("""
                {'taskToken': '%s', 'checkoutId': '%s', 'lines': [{'sku': 'KIT-MUG-RED', 'quantity': 2}],
                 'holdSeconds': 900}""".formatted(reserve.taskToken(), id)));

        assertThat(succeed(id, "{'reservationId': 'r-1'}"))
                .isEqualTo(new ReplyOutcome.Applied(id, ExecutionStatus.RUNNING, "ProcessPayment"));
        assertThat(commands.last(id).payload()).isEqualTo(json("""
                {'taskToken': '%s', 'checkoutId': '%s', 'customerId': 'u-42', 'amountCents': 2598, 'currency': 'EUR',
                 'paymentToken': 'tok_visa'}""".formatted(commands.last(id).taskToken(), id)));
        succeed(id, "{'paymentId': 'p-1'}");
        assertThat(commands.last(id).payload().get("lines")).isEqualTo(checkoutInput(id).get("lines"));
        succeed(id, "{'orderId': 'o-1'}");
        assertThat(succeed(id, "{'cleared': true}"))
                .isEqualTo(new ReplyOutcome.Applied(id, ExecutionStatus.SUCCEEDED, "CheckoutCompleted"));

        ExecutionView view = view(id);
        assertThat(view.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(view.output()).isEqualTo(json("{'orderId': 'o-1'}"));
        assertThat(view.error()).isNull();
        assertThat(commands.functionsFor(id))
                .containsExactly("reserveInventory", "processPayment", "createOrder", "clearCart");
        assertThat(view.historyTypes()).containsExactly(
                ExecutionStarted,
                StateEntered, TaskScheduled, TaskSucceeded, StateExited,
                StateEntered, TaskScheduled, TaskSucceeded, StateExited,
                StateEntered, TaskScheduled, TaskSucceeded, StateExited,
                StateEntered, TaskScheduled, TaskSucceeded, StateExited,
                StateEntered, StateExited,
                ExecutionSucceeded);
        assertThat(view.history()).extracting(HistoryEvent::stateName).containsExactly(
                null,
                "ReserveInventory", "ReserveInventory", "ReserveInventory", "ReserveInventory",
                "ProcessPayment", "ProcessPayment", "ProcessPayment", "ProcessPayment",
                "CreateOrder", "CreateOrder", "CreateOrder", "CreateOrder",
                "ClearCart", "ClearCart", "ClearCart", "ClearCart",
                "CheckoutCompleted", "CheckoutCompleted",
                null);
        assertSeqsAreGapless(view);

        // Each ResultPath added its task's result to the data; ClearCart's null ResultPath discarded its own.
        JsonNode enteredClearCart = view.history().get(13).details().get("input");
        assertThat(enteredClearCart.get("reservation")).isEqualTo(json("{'reservationId': 'r-1'}"));
        assertThat(enteredClearCart.get("payment")).isEqualTo(json("{'paymentId': 'p-1'}"));
        assertThat(enteredClearCart.get("order")).isEqualTo(json("{'orderId': 'o-1'}"));
        assertThat(enteredClearCart.get("checkoutId").textValue()).isEqualTo(id);
        assertThat(view.history().get(16).details().get("output")).isEqualTo(enteredClearCart);
        assertThat(view.history().getFirst().details().get("input")).isEqualTo(checkoutInput(id));
        assertThat(view.startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aDeclinedPaymentReleasesTheStockAndFails() {
        String id = startCheckout();
        succeed(id, "{'reservationId': 'r-1'}");

        assertThat(fail(id, "Payment.Declined", "card declined"))
                .isEqualTo(new ReplyOutcome.Applied(id, ExecutionStatus.RUNNING, "ReleaseInventory"));
        TaskRequest release = commands.last(id);
        assertThat(release.functionName()).isEqualTo("releaseInventory");
        assertThat(release.payload()).isEqualTo(json("{'taskToken': '%s', 'checkoutId': '%s'}"
                .formatted(release.taskToken(), id)));
        succeed(id, "{}");

        ExecutionView view = view(id);
        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("Checkout.Failed");
        assertThat(view.cause()).contains("released");
        assertThat(view.currentState()).isEqualTo("CheckoutFailed");
        assertThat(commands.functionsFor(id)).containsExactly("reserveInventory", "processPayment", "releaseInventory");
        assertThat(view.historyTypes()).containsExactly(
                ExecutionStarted,
                StateEntered, TaskScheduled, TaskSucceeded, StateExited,
                StateEntered, TaskScheduled, TaskFailed, StateExited,
                StateEntered, TaskScheduled, TaskSucceeded, StateExited,
                StateEntered, ExecutionFailed);
        HistoryEvent caught = view.history().get(8);
        assertThat(caught.details().get("caughtError").textValue()).isEqualTo("Payment.Declined");
        assertThat(caught.details().at("/output/error"))
                .isEqualTo(json("{'Error': 'Payment.Declined', 'Cause': 'card declined'}"));
        assertThat(caught.details().at("/output/reservation")).isEqualTo(json("{'reservationId': 'r-1'}"));
        assertSeqsAreGapless(view);
    }

    @Test
    void aRejectedOrderRefundsThePaymentThenReleasesTheStock() {
        String id = startCheckout();
        succeed(id, "{'reservationId': 'r-1'}");
        succeed(id, "{'paymentId': 'p-1'}");

        fail(id, "Order.Rejected", "the customer is blocked");
        assertThat(commands.last(id).functionName()).isEqualTo("refundPayment");
        succeed(id, "{'refunded': 2598}");
        assertThat(commands.last(id).functionName()).isEqualTo("releaseInventory");
        succeed(id, "{}");

        ExecutionView view = view(id);
        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("Checkout.Failed");
        assertThat(commands.functionsFor(id)).containsExactly(
                "reserveInventory", "processPayment", "createOrder", "refundPayment", "releaseInventory");
    }

    @Test
    void outOfStockFailsWithoutCompensation() {
        String id = startCheckout();

        fail(id, "Inventory.OutOfStock", "KIT-MUG-RED: 1 left");

        ExecutionView view = view(id);
        assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(view.error()).isEqualTo("Inventory.OutOfStock");
        assertThat(view.cause()).isEqualTo("Some items are out of stock.");
        assertThat(commands.functionsFor(id)).containsExactly("reserveInventory");
    }

    @Test
    void aTransientErrorIsRetriedWithANewTokenAndTheOldTokenIsIgnored() {
        String id = startCheckout();
        succeed(id, "{'reservationId': 'r-1'}");
        TaskRequest firstAttempt = commands.last(id);

        assertThat(fail(id, "Payment.Unavailable", "provider timeout"))
                .isEqualTo(new ReplyOutcome.Applied(id, ExecutionStatus.RUNNING, "ProcessPayment"));
        HistoryEvent retried = view(id).history().getLast();
        assertThat(retried.type()).isEqualTo(TaskRetried);
        assertThat(retried.details().get("error").textValue()).isEqualTo("Payment.Unavailable");
        assertThat(retried.details().get("retryNumber").intValue()).isEqualTo(1);
        assertThat(retried.details().get("delaySeconds").doubleValue()).isEqualTo(2.0);

        assertThat(engine.sweep()).as("the retry is not due yet").isZero();
        clock.advanceSeconds(1);
        assertThat(engine.sweep()).isZero();
        assertThat(commands.sentFor(id)).hasSize(2);
        clock.advanceSeconds(1);
        assertThat(engine.sweep()).isEqualTo(1);

        TaskRequest secondAttempt = commands.last(id);
        assertThat(secondAttempt.functionName()).isEqualTo("processPayment");
        assertThat(secondAttempt.taskToken()).isNotEqualTo(firstAttempt.taskToken()).contains(":ProcessPayment:2:");
        assertThat(secondAttempt.payload().get("taskToken").textValue()).isEqualTo(secondAttempt.taskToken());
        assertThat(view(id).history().getLast().details().get("attempt").intValue()).isEqualTo(2);

        int historyBefore = view(id).history().size();
        assertThat(engine.onTaskSucceeded(UUID.randomUUID().toString(), firstAttempt.taskToken(), json("{'late': true}")))
                .isEqualTo(new ReplyOutcome.NotOutstanding(firstAttempt.taskToken()));
        assertThat(view(id).history()).hasSize(historyBefore);

        succeed(id, "{'paymentId': 'p-2'}");
        assertThat(commands.last(id).functionName()).isEqualTo("createOrder");
        assertThat(view(id).historyTypes()).containsSubsequence(
                TaskScheduled, TaskFailed, TaskRetried, TaskScheduled, TaskSucceeded, StateExited, StateEntered);
    }

    @Test
    void whenRetriesRunOutTheCatchersDecide() {
        String id = startCheckout();
        succeed(id, "{'reservationId': 'r-1'}");

        // Payment.Unavailable: 3 retries after 2 s, 4 s and 5 s (MaxDelaySeconds caps the 8 s).
        for (int delay : new int[] {2, 4, 5}) {
            fail(id, "Payment.Unavailable", "provider down");
            assertThat(view(id).history().getLast().details().get("delaySeconds").doubleValue()).isEqualTo(delay);
            clock.advanceSeconds(delay);
            assertThat(engine.sweep()).isEqualTo(1);
        }
        fail(id, "Payment.Unavailable", "provider down");

        assertThat(commands.last(id).functionName()).as("States.ALL catcher").isEqualTo("refundPayment");
        assertThat(commands.functionsFor(id)).containsExactly("reserveInventory", "processPayment", "processPayment",
                "processPayment", "processPayment", "refundPayment");
    }

    @Test
    void aTaskThatDoesNotAnswerTimesOutIsRetriedAndFinallyCaught() {
        String id = startCheckout();
        String firstToken = commands.last(id).taskToken();

        clock.advanceSeconds(59);
        assertThat(engine.sweep()).isZero();
        clock.advanceSeconds(1);
        assertThat(engine.sweep()).isEqualTo(1);
        ExecutionView afterTimeout = view(id);
        assertThat(afterTimeout.historyTypes()).endsWith(TaskTimedOut, TaskRetried);
        assertThat(afterTimeout.history().getLast().details().get("error").textValue()).isEqualTo("States.Timeout");
        assertThat(engine.onTaskSucceeded(UUID.randomUUID().toString(), firstToken, json("{}")))
                .as("a reply after the timeout is too late").isInstanceOf(ReplyOutcome.NotOutstanding.class);

        clock.advanceSeconds(5);
        assertThat(engine.sweep()).isEqualTo(1);
        assertThat(commands.sentFor(id)).hasSize(2);
        clock.advanceSeconds(60);
        assertThat(engine.sweep()).isEqualTo(1);
        clock.advanceSeconds(10);
        assertThat(engine.sweep()).isEqualTo(1);
        assertThat(commands.functionsFor(id)).containsExactly("reserveInventory", "reserveInventory", "reserveInventory");
        clock.advanceSeconds(60);
        assertThat(engine.sweep()).as("third timeout: MaxAttempts 2 used up, the States.ALL catcher").isEqualTo(1);

        assertThat(commands.last(id).functionName()).isEqualTo("releaseInventory");
        ExecutionView view = view(id);
        assertThat(view.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(view.currentState()).isEqualTo("ReleaseInventory");
        assertThat(view.history().stream().filter(event -> event.type() == TaskTimedOut)).hasSize(3);
        assertThat(view.history().stream().filter(event -> event.type() == StateEntered).toList().getLast()
                .details().at("/input/error/Error").textValue()).isEqualTo("States.Timeout");
        assertSeqsAreGapless(view);
    }

    @Test
    void aRedeliveredOrRepeatedReplyChangesNothing() {
        String id = startCheckout();
        String token = commands.last(id).taskToken();
        String eventId = UUID.randomUUID().toString();

        assertThat(engine.onTaskSucceeded(eventId, token, json("{'reservationId': 'r-1'}")))
                .isInstanceOf(ReplyOutcome.Applied.class);
        List<HistoryEvent> history = view(id).history();

        assertThat(engine.onTaskSucceeded(eventId, token, json("{'reservationId': 'r-1'}")))
                .isEqualTo(new ReplyOutcome.AlreadyProcessed(eventId));
        assertThat(engine.onTaskFailed(eventId, token, "Inventory.OutOfStock", null))
                .isEqualTo(new ReplyOutcome.AlreadyProcessed(eventId));
        assertThat(engine.onTaskSucceeded(UUID.randomUUID().toString(), token, json("{'reservationId': 'r-2'}")))
                .isEqualTo(new ReplyOutcome.NotOutstanding(token));
        assertThat(engine.onTaskFailed(UUID.randomUUID().toString(), token, "Inventory.OutOfStock", null))
                .isEqualTo(new ReplyOutcome.NotOutstanding(token));
        assertThat(engine.onTaskSucceeded(UUID.randomUUID().toString(), "no-such-token", json("{}")))
                .isEqualTo(new ReplyOutcome.NotOutstanding("no-such-token"));

        assertThat(view(id).history()).isEqualTo(history);
        assertThat(commands.functionsFor(id)).containsExactly("reserveInventory", "processPayment");
    }

    @Test
    void anExecutionPastItsTimeoutTimesOut() {
        String id = startCheckout();
        clock.advanceSeconds(10);
        succeed(id, "{'reservationId': 'r-1'}");
        String paymentToken = commands.last(id).taskToken();

        clock.advanceSeconds(889);
        assertThat(engine.sweep()).as("the payment task timed out first, at 130 s").isEqualTo(1);
        clock.advanceSeconds(1);
        assertThat(engine.sweep()).isEqualTo(1);

        ExecutionView view = view(id);
        assertThat(view.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(view.error()).isEqualTo("States.Timeout");
        assertThat(view.cause()).contains("900 seconds");
        assertThat(view.historyTypes()).endsWith(ExecutionTimedOut);
        assertThat(engine.sweep()).isZero();
        assertThat(engine.onTaskSucceeded(UUID.randomUUID().toString(), paymentToken, json("{}")))
                .isInstanceOf(ReplyOutcome.NotOutstanding.class);
        assertSeqsAreGapless(view(id));
    }

    @Test
    void theExecutionDeadlineWinsOverATaskDeadlineDueAtTheSameSweep() {
        String id = startCheckout();

        clock.advanceSeconds(900);
        assertThat(engine.sweep()).isEqualTo(1);

        ExecutionView view = view(id);
        assertThat(view.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(view.historyTypes()).containsExactly(ExecutionStarted, StateEntered, TaskScheduled, ExecutionTimedOut);
    }

    @Test
    void startingTheSameExecutionAgainChangesNothing() {
        String id = startCheckout();

        assertThat(engine.start(id, json("{'checkoutId': 'other'}"), "corr-again")).isEqualTo(id);

        ExecutionView view = view(id);
        assertThat(view.input()).isEqualTo(checkoutInput(id));
        assertThat(view.correlationId()).isEqualTo("corr-" + id);
        assertThat(view.historyTypes()).containsExactly(ExecutionStarted, StateEntered, TaskScheduled);
        assertThat(commands.sentFor(id)).hasSize(1);
    }

    @Test
    void describeKnowsOnlyExistingExecutions() {
        assertThat(engine.describe("co-unknown")).isEmpty();
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> engine.start("has space", json("{}"), "corr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("executionId");
        assertThatThrownBy(() -> engine.start("x".repeat(81), json("{}"), "corr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.start("ok-id", json("{}"), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationId");
        assertThatThrownBy(() -> engine.onTaskFailed("event", "token", " ", "cause"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.describe("ok-id")).isEmpty();
    }
}
