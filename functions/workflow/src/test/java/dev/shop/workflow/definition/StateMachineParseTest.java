package dev.shop.workflow.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StateMachineParseTest {

    /** Every file in definitions/invalid, with where its one problem is and what the message must say. */
    static Stream<Arguments> invalidDefinitions() {
        return Stream.of(
                arguments("unknown-next", "States.ReserveInventory.Next", "names unknown state 'Foo'"),
                arguments("unreachable-state", "States.Orphan", "state 'Orphan' is unreachable from StartAt"),
                arguments("task-without-next-or-end", "States.ReserveInventory", "Task 'ReserveInventory' needs Next or End"),
                arguments("both-next-and-end", "States.ReserveInventory", "Task 'ReserveInventory' has both Next and End"),
                arguments("unsupported-type-parallel", "States.Done.Type",
                        "unknown state Type 'Parallel' in 'Done' (supported: Task, Choice, Pass, Succeed, Fail)"),
                arguments("unsupported-field-heartbeat", "States.ReserveInventory.HeartbeatSeconds",
                        "field 'HeartbeatSeconds' is not supported in a Task state"),
                arguments("retry-negative-max-attempts", "States.ReserveInventory.Retry[0].MaxAttempts",
                        "must be an integer >= 0, got -1"),
                arguments("retry-backoff-below-one", "States.ReserveInventory.Retry[0].BackoffRate",
                        "must be a number >= 1.0, got 0.5"),
                arguments("retry-interval-zero", "States.ReserveInventory.Retry[0].IntervalSeconds",
                        "must be an integer >= 1, got 0"),
                arguments("retry-unsupported-field", "States.ReserveInventory.Retry[0].JitterStrategy",
                        "field 'JitterStrategy' is not supported in a retrier"),
                arguments("retry-all-not-last", "States.ReserveInventory.Retry[0].ErrorEquals",
                        "a retrier with States.ALL must be the last one"),
                arguments("catch-all-not-alone", "States.ReserveInventory.Catch[0].ErrorEquals",
                        "States.ALL must appear alone"),
                arguments("catch-without-next", "States.ReserveInventory.Catch[0].Next", "is missing"),
                arguments("missing-start-at", "StartAt", "is missing"),
                arguments("start-at-unknown", "StartAt", "names unknown state 'Begin'"),
                arguments("no-terminal-state", "States", "no terminal state"),
                arguments("wrong-resource", "States.ReserveInventory.Resource",
                        "must be arn:aws:states:::lambda:invoke.waitForTaskToken"),
                arguments("payload-without-task-token", "States.ReserveInventory.Parameters.Payload",
                        "must pass the task token"),
                arguments("intrinsic-function", "States.ReserveInventory.Parameters.Payload.message.$",
                        "intrinsic functions (States.Format etc.) are not supported"),
                arguments("wildcard-path", "States.ReserveInventory.Parameters.Payload.skus.$", "no wildcards"),
                arguments("unknown-context-path", "States.ReserveInventory.Parameters.Payload.attempt.$",
                        "unknown context path '$$.State.Attempt'"),
                arguments("function-name-from-path", "States.ReserveInventory.Parameters.FunctionName.$",
                        "FunctionName must be a plain string"),
                arguments("task-timeout-not-positive", "States.ReserveInventory.TimeoutSeconds",
                        "must be a positive integer, got 0"),
                arguments("execution-timeout-not-positive", "TimeoutSeconds", "must be a positive integer, got 0"),
                arguments("unknown-top-level-field", "QueryLanguage", "field 'QueryLanguage' is not supported at the top level"),
                arguments("result-path-with-index", "States.ReserveInventory.ResultPath", "must name object fields only"),
                arguments("choice-rule-two-comparisons", "States.Route.Choices[0]", "has 2 comparisons"),
                arguments("choice-numeric-with-string", "States.Route.Choices[0].NumericGreaterThan", "must be a number"),
                arguments("choice-unsupported-operator", "States.Route.Choices[0].TimestampGreaterThan",
                        "field 'TimestampGreaterThan' is not supported in a choice rule"),
                arguments("fail-cause-and-cause-path", "States.Failed.CausePath", "cannot be set together with Cause"),
                arguments("duplicate-state-name", "(document)", "Duplicate field 'Done'"),
                arguments("not-json", "(document)", "is not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalidDefinitions(String file, String location, String problem) {
        String json = resource("definitions/invalid/" + file + ".asl.json");

        assertThatThrownBy(() -> StateMachine.parse(json))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
                    assertThat(e.problems()).as("problems of %s", file).hasSize(1);
                    assertThat(e.problems().getFirst().location()).isEqualTo(location);
                    assertThat(e.problems().getFirst().message()).contains(problem);
                    assertThat(e.getMessage()).contains(location + ": ").contains(problem);
                });
    }

    @Test
    void everyInvalidDefinitionIsTested() throws IOException, URISyntaxException {
        Path directory = Path.of(getClass().getClassLoader().getResource("definitions/invalid").toURI());
        List<String> files;
        try (Stream<Path> paths = Files.list(directory)) {
            files = paths.map(path -> path.getFileName().toString().replace(".asl.json", "")).sorted().toList();
        }

        assertThat(invalidDefinitions().map(arguments -> (String) arguments.get()[0]).sorted().toList())
                .isEqualTo(files);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String json = """
                {
                  "StartAt": "Pay",
                  "States": {
                    "Pay": {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                      "Parameters": { "FunctionName": "processPayment", "Payload": { "taskToken.$": "$$.Task.Token" } },
                      "Retry": [ { "ErrorEquals": ["Payment.Unavailable"], "MaxAttempts": -1, "BackoffRate": 0.9 } ],
                      "Next": "Nowhere"
                    },
                    "Branch": { "Type": "Map", "End": true }
                  }
                }""";

        assertThatThrownBy(() -> StateMachine.parse(json))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::location)
                        .containsExactly("States.Pay.Retry[0].MaxAttempts", "States.Pay.Retry[0].BackoffRate",
                                "States.Branch.Type", "States.Pay.Next"));
    }

    @Test
    void parsesTheCheckoutSaga() {
        StateMachine checkout = StateMachine.load("definitions/checkout.asl.json");

        assertThat(checkout.name()).isEqualTo("checkout");
        assertThat(checkout.startAt()).isEqualTo("ReserveInventory");
        assertThat(checkout.timeoutSeconds()).contains(900);
        assertThat(checkout.states().keySet()).containsExactly("ReserveInventory", "ProcessPayment", "CreateOrder",
                "ClearCart", "CheckoutCompleted", "RefundPayment", "ReleaseInventory", "CheckoutFailed", "OutOfStock");

        TaskState pay = (TaskState) checkout.state("ProcessPayment");
        assertThat(pay.functionName()).isEqualTo("processPayment");
        assertThat(pay.timeoutSeconds()).isEqualTo(120);
        assertThat(pay.next()).isEqualTo("CreateOrder");
        assertThat(pay.paths().resultPath()).contains(ReferencePath.parse("$.payment"));
        assertThat(pay.payload().passesTaskToken()).isTrue();
        assertThat(pay.retriers()).containsExactly(new Retrier(List.of("Payment.Unavailable"), 2, 3, 2.0, 5));
        assertThat(pay.catchers()).extracting(Catcher::next).containsExactly("ReleaseInventory", "RefundPayment");

        TaskState clear = (TaskState) checkout.state("ClearCart");
        assertThat(clear.paths().resultPath()).as("ResultPath null discards the result").isEmpty();
        assertThat(clear.retriers().getFirst().backoffRate()).as("default BackoffRate").isEqualTo(2.0);

        assertThat(checkout.state("CheckoutFailed")).isEqualTo(new FailState("CheckoutFailed", null,
                "Checkout.Failed", "The checkout could not be completed; stock and payment were released."));
        assertThat(checkout.definition()).contains("\"StartAt\": \"ReserveInventory\"");
    }

    @Test
    void parsesPassAndChoiceStates() {
        StateMachine routing = StateMachine.load("definitions/routing.asl.json");

        ChoiceState route = (ChoiceState) routing.state("Route");
        assertThat(route.defaultState()).isEqualTo("Standard");
        assertThat(route.branches()).extracting(ChoiceState.Branch::next)
                .containsExactly("MissingOrder", "ManualReview", "Special", "Free", "Rejected");
        assertThat(route.branches().get(0).rule()).isInstanceOf(ChoiceRule.Not.class);
        assertThat(route.branches().get(1).rule()).isInstanceOf(ChoiceRule.And.class);
        assertThat(route.branches().get(2).rule()).isInstanceOf(ChoiceRule.Or.class);
        assertThat(((PassState) routing.state("AddDefaults")).result().get("carrier").textValue()).isEqualTo("post");
        FailState rejected = (FailState) routing.state("Rejected");
        assertThat(rejected.error()).isNull();
        assertThat(rejected.errorPath()).hasToString("$.order.rejection.code");
        assertThat(rejected.causePath()).hasToString("$.order.rejection.reason");
    }

    @Test
    void defaultsAreThoseOfStepFunctions() {
        String json = """
                {
                  "StartAt": "Call",
                  "States": {
                    "Call": {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                      "Parameters": { "FunctionName": "call", "Payload": { "token.$": "$$.Task.Token" } },
                      "Retry": [ { "ErrorEquals": ["States.ALL"] } ],
                      "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Done" } ],
                      "End": true
                    },
                    "Done": { "Type": "Succeed" }
                  }
                }""";

        StateMachine machine = StateMachine.parse(json);

        TaskState call = (TaskState) machine.state("Call");
        assertThat(machine.name()).isEqualTo(StateMachine.DEFAULT_NAME);
        assertThat(machine.named("other").name()).isEqualTo("other");
        assertThat(machine.timeoutSeconds()).isEmpty();
        assertThat(call.next()).isNull();
        assertThat(call.timeoutSeconds()).isNull();
        assertThat(call.paths()).isEqualTo(DataPaths.DEFAULTS);
        assertThat(call.retriers().getFirst()).isEqualTo(new Retrier(List.of("States.ALL"), 1, 3, 2.0, null));
        assertThat(call.catchers().getFirst().resultPath()).contains(ReferencePath.root());
    }

    @Test
    void retryDelaysGrowByTheBackoffRateUpToTheMaximum() {
        Retrier retrier = new Retrier(List.of("Payment.Unavailable"), 2, 5, 2.0, 10);

        assertThat(List.of(1, 2, 3, 4).stream().map(retrier::delayBefore).toList()).containsExactly(
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(new Retrier(List.of("X"), 3, 3, 1.5, null).delayBefore(2)).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void errorsMatchAsInStepFunctions() {
        assertThat(ErrorNames.matches(List.of("States.ALL"), "States.Timeout")).isTrue();
        assertThat(ErrorNames.matches(List.of("States.ALL"), "Payment.Declined")).isTrue();
        assertThat(ErrorNames.matches(List.of("States.TaskFailed"), "Payment.Declined")).isTrue();
        assertThat(ErrorNames.matches(List.of("States.TaskFailed"), "States.Timeout")).isFalse();
        assertThat(ErrorNames.matches(List.of("States.Timeout"), "States.Timeout")).isTrue();
        assertThat(ErrorNames.matches(List.of("Payment.Declined", "Payment.Unavailable"), "Payment.Unavailable")).isTrue();
        assertThat(ErrorNames.matches(List.of("Payment.Declined"), "Payment.declined")).isFalse();
    }

    @Test
    void choiceRulesCompareAndCombine() {
        ReferencePath total = ReferencePath.parse("$.total");
        JsonNode input = new ObjectMapper().createObjectNode().put("total", 12.5).put("vip", true);

        assertThat(new ChoiceRule.Comparison(total, ChoiceRule.Operator.NumericGreaterThan, IntNode.valueOf(12))
                .evaluate(input)).isEqualTo(new ChoiceRule.Verdict.Decided(true));
        assertThat(new ChoiceRule.Comparison(ReferencePath.parse("$.vip"), ChoiceRule.Operator.StringEquals,
                TextNode.valueOf("true")).evaluate(input))
                .as("a value of another type does not match").isEqualTo(new ChoiceRule.Verdict.Decided(false));
        assertThat(new ChoiceRule.Comparison(ReferencePath.parse("$.missing"), ChoiceRule.Operator.NumericEquals,
                IntNode.valueOf(1)).evaluate(input))
                .isEqualTo(new ChoiceRule.Verdict.VariableMissing(ReferencePath.parse("$.missing")));
        assertThat(new ChoiceRule.Comparison(ReferencePath.parse("$.missing"), ChoiceRule.Operator.IsPresent,
                BooleanNode.FALSE).evaluate(input)).isEqualTo(new ChoiceRule.Verdict.Decided(true));
        assertThat(new ChoiceRule.Not(new ChoiceRule.Comparison(total, ChoiceRule.Operator.NumericLessThan,
                IntNode.valueOf(0))).evaluate(input)).isEqualTo(new ChoiceRule.Verdict.Decided(true));
        assertThat(new ChoiceRule.Or(List.of(
                new ChoiceRule.Comparison(total, ChoiceRule.Operator.NumericEquals, IntNode.valueOf(1)),
                new ChoiceRule.Comparison(ReferencePath.parse("$.vip"), ChoiceRule.Operator.BooleanEquals, BooleanNode.TRUE)))
                .evaluate(input)).isEqualTo(new ChoiceRule.Verdict.Decided(true));
    }

    private static String resource(String name) {
        try (InputStream in = StateMachineParseTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
