package dev.shop.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.shop.workflow.definition.StateMachine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.shop.workflow.HistoryEventType.TaskRetried;
import static dev.shop.workflow.HistoryEventType.TaskScheduled;
import static dev.shop.workflow.HistoryEventType.TaskSucceeded;
import static dev.shop.workflow.HistoryEventType.TaskTimedOut;
import static dev.shop.workflow.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies and sweeps racing for the same executions, from several threads and engine instances at once: exactly one
 * step wins each race, and every history stays whole (seq 1..n, each task scheduled and answered once).
 */
class ConcurrentStepsTest {

    private static final int EXECUTIONS = 6;

    static WorkflowDatabase database;

    ExecutorService threads;
    TestClock clock;
    RecordingDispatcher commands;
    StateMachine machine;

    @BeforeAll
    static void migrate() {
        database = WorkflowDatabase.migrated("workflow_races");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void setUp() {
        threads = Executors.newFixedThreadPool(8);
        clock = TestClock.at("2026-03-01T10:00:00Z");
        commands = new RecordingDispatcher();
        machine = StateMachine.load("definitions/checkout.asl.json").named("checkout-race-" + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    /** A new engine instance each time, as separate processes would have. */
    private WorkflowEngine instance() {
        return new WorkflowEngine(database.jdbi(), machine, commands, clock, Json.MAPPER);
    }

    private List<String> startCheckouts(int count) {
        WorkflowEngine engine = instance();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "race-" + UUID.randomUUID();
            engine.start(id, CheckoutWorkflowTest.checkoutInput(id), "corr");
            ids.add(id);
        }
        return ids;
    }

    /** Runs the tasks at the same moment (as far as threads allow) and returns their results in order. */
    private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private static void assertWhole(ExecutionView view) {
        assertThat(view.history()).extracting(HistoryEvent::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, view.history().size()).boxed().toList());
    }

    private static long count(ExecutionView view, HistoryEventType type) {
        return view.history().stream().filter(event -> event.type() == type).count();
    }

    @Test
    void aReplyRacingTheSweepThatTimesItsTaskOutWinsOrLosesWhole() throws Exception {
        List<String> ids = startCheckouts(EXECUTIONS);
        List<String> tokens = ids.stream().map(id -> commands.last(id).taskToken()).toList();
        clock.advanceSeconds(60); // every ReserveInventory deadline is now due

        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            String token = tokens.get(i);
            tasks.add(() -> instance().onTaskSucceeded(UUID.randomUUID().toString(), token, json("{'reservationId': 'r'}")));
        }
        tasks.add(() -> instance().sweep());
        tasks.add(() -> instance().sweep());
        List<Object> results = race(tasks);

        int timedOutBySweeps = (Integer) results.get(EXECUTIONS) + (Integer) results.get(EXECUTIONS + 1);
        int repliesApplied = 0;
        WorkflowEngine reader = instance();
        for (int i = 0; i < EXECUTIONS; i++) {
            String id = ids.get(i);
            ExecutionView view = reader.describe(id).orElseThrow();
            assertWhole(view);
            assertThat(count(view, TaskSucceeded) + count(view, TaskTimedOut)).as("exactly one wins for %s", id).isEqualTo(1);
            if (results.get(i) instanceof ReplyOutcome.Applied) {
                repliesApplied++;
                assertThat(count(view, TaskSucceeded)).isEqualTo(1);
                assertThat(view.currentState()).isEqualTo("ProcessPayment");
                assertThat(commands.functionsFor(id)).containsExactly("reserveInventory", "processPayment");
            } else {
                assertThat(results.get(i)).isEqualTo(new ReplyOutcome.NotOutstanding(tokens.get(i)));
                assertThat(view.historyTypes()).endsWith(TaskTimedOut, TaskRetried);
                assertThat(commands.functionsFor(id)).containsExactly("reserveInventory");
            }
            assertThat(count(view, TaskScheduled)).isEqualTo(commands.sentFor(id).size());
        }
        assertThat(repliesApplied + timedOutBySweeps).isEqualTo(EXECUTIONS);
        assertThat(instance().sweep()).as("nothing left that is due").isZero();
    }

    @Test
    void competingSweepersAdvanceEachExecutionOnce() throws Exception {
        List<String> ids = startCheckouts(EXECUTIONS);
        WorkflowEngine engine = instance();
        for (String id : ids) {
            engine.onTaskSucceeded(UUID.randomUUID().toString(), commands.last(id).taskToken(), json("{}"));
            engine.onTaskFailed(UUID.randomUUID().toString(), commands.last(id).taskToken(), "Payment.Unavailable", "down");
        }
        clock.advanceSeconds(2); // every payment retry is now due

        List<Integer> swept = race(List.of(() -> instance().sweep(), () -> instance().sweep(), () -> instance().sweep()));

        assertThat(swept.stream().mapToInt(Integer::intValue).sum()).isEqualTo(EXECUTIONS);
        for (String id : ids) {
            ExecutionView view = engine.describe(id).orElseThrow();
            assertWhole(view);
            assertThat(commands.functionsFor(id)).containsExactly("reserveInventory", "processPayment", "processPayment");
            assertThat(count(view, TaskScheduled)).isEqualTo(3);
        }
    }

    @Test
    void concurrentRepliesToOneTaskApplyOnce() throws Exception {
        String id = startCheckouts(1).getFirst();
        String token = commands.last(id).taskToken();
        String redelivered = UUID.randomUUID().toString();

        List<ReplyOutcome> outcomes = race(List.of(
                () -> instance().onTaskSucceeded(redelivered, token, json("{'reservationId': 'r-1'}")),
                () -> instance().onTaskSucceeded(redelivered, token, json("{'reservationId': 'r-1'}")),
                () -> instance().onTaskSucceeded(UUID.randomUUID().toString(), token, json("{'reservationId': 'r-2'}")),
                () -> instance().onTaskFailed(UUID.randomUUID().toString(), token, "Inventory.OutOfStock", "none"),
                () -> instance().onTaskSucceeded(UUID.randomUUID().toString(), token, json("{'reservationId': 'r-3'}"))));

        assertThat(outcomes).filteredOn(ReplyOutcome.Applied.class::isInstance).hasSize(1);
        ExecutionView view = instance().describe(id).orElseThrow();
        assertWhole(view);
        assertThat(count(view, TaskSucceeded) + count(view, HistoryEventType.TaskFailed)).isEqualTo(1);
        boolean succeeded = count(view, TaskSucceeded) == 1;
        assertThat(commands.functionsFor(id)).as("the next task if a success won, none if the failure did")
                .isEqualTo(succeeded ? List.of("reserveInventory", "processPayment") : List.of("reserveInventory"));
    }
}
