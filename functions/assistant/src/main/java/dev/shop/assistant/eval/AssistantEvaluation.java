package dev.shop.assistant.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.shop.ShopApi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the evaluation set against a running shop through its public API: loads the catalog and stock,
 * sends every parsing case (per session, in file order, with a run prefix on the session ids) and every
 * end-to-end task, and prints intent accuracy, clarification accuracy, task completion, accuracy per action with
 * the confusion matrix, and each failure. Exit code 0 when every figure is at least its target.
 */
@Command(name = "assistant-evaluation", mixinStandardHelpOptions = true,
        description = "Evaluates the shopping assistant on a data set through the shop's HTTP API.")
public class AssistantEvaluation implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "folder with catalog.json, cases.jsonl, tasks.jsonl")
    Path data;

    @Option(names = "--base-url", defaultValue = "http://localhost:8080", description = "the shop's API")
    String baseUrl;

    @Option(names = "--admin-token", defaultValue = "${env:SHOP_ADMIN_TOKEN}", description = "admin bearer token")
    String adminToken;

    @Option(names = "--skip-load", description = "do not load the catalog and stock")
    boolean skipLoad;

    @Option(names = "--skip-tasks", description = "only the parsing cases")
    boolean skipTasks;

    @Option(names = "--target", defaultValue = "97", description = "target percentage: intents and tasks")
    double target;

    @Option(names = "--clarify-target", defaultValue = "95", description = "target percentage: clarifications")
    double clarifyTarget;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AssistantEvaluation()).execute(args));
    }

    /** What one run measured; accuracies are fractions (0..1). */
    public record Result(int intentCases, int intentPass, int clarifyCases, int clarifyPass, int tasks, int taskPass,
                         Scorecard scorecard, List<String> failures) implements Accuracy {

        public Result {
            failures = List.copyOf(failures);
        }

        public double taskCompletion() {
            return (double) taskPass / Math.max(1, tasks);
        }

        public void print(PrintStream out) {
            out.printf("intent accuracy        %.1f%% (%d/%d)%n", 100 * intentAccuracy(), intentPass, intentCases);
            out.printf("clarification accuracy %.1f%% (%d/%d)%n", 100 * clarificationAccuracy(), clarifyPass,
                    clarifyCases);
            out.printf("task completion        %.1f%% (%d/%d)%n", 100 * taskCompletion(), taskPass, tasks);
            scorecard.print(out);
            failures.forEach(f -> out.println("FAIL " + f));
        }
    }

    @Override
    public Integer call() {
        ShopApi api = new ShopApi(baseUrl, new ObjectMapper(), adminToken, 4, Duration.ofMillis(200));
        if (!skipLoad) {
            load(api, data);
        }
        Result result = evaluate(api, data, !skipTasks);
        result.print(System.out);
        return result.intentAccuracy() * 100 >= target && result.clarificationAccuracy() * 100 >= clarifyTarget
                && (skipTasks || result.taskCompletion() * 100 >= target) ? 0 : 1;
    }

    /** Loads the data set's catalog and stock through the admin API and waits until the assistant has indexed it. */
    public static void load(ShopApi api, Path data) {
        DevSet.Catalog catalog = DevSet.catalog(data);
        for (JsonNode product : catalog.raw()) {
            ShopApi.Response r = api.adminPut("/products/" + product.path("sku").asText(), product);
            require(r, "PUT /products/" + product.path("sku").asText());
        }
        for (Map.Entry<String, Integer> stock : catalog.inventory().entrySet()) {
            require(api.adminPut("/inventory/" + stock.getKey(), Map.of("available", stock.getValue())),
                    "PUT /inventory/" + stock.getKey());
        }
        waitForIndex(api, catalog);
    }

    /** Runs every parsing case and, when asked, every task against the shop behind {@code api}. */
    public static Result evaluate(ShopApi api, Path data, boolean runTasks) {
        String run = "eval-" + UUID.randomUUID().toString().substring(0, 8);
        int intentCases = 0, intentPass = 0, clarifyCases = 0, clarifyPass = 0;
        List<String> failures = new ArrayList<>();
        Scorecard scorecard = new Scorecard();
        for (DevSet.Case c : DevSet.cases(data)) {
            ShopApi.Response r = api.post("/assistant/intents",
                    Map.of("text", c.text(), "sessionId", run + "-" + c.session()), Map.of());
            boolean clarified = r.body().path("needsClarification").asBoolean(false);
            List<String> got = DevSet.actual(r.body().path("intents"));
            boolean pass = r.ok() && (c.clarify() ? clarified : !clarified && got.equals(DevSet.expected(c)));
            if (c.clarify()) {
                clarifyCases++;
                clarifyPass += pass ? 1 : 0;
            } else {
                intentCases++;
                intentPass += pass ? 1 : 0;
            }
            List<String> actions = new ArrayList<>();
            r.body().path("intents").forEach(i -> actions.add(i.path("action").asText()));
            scorecard.add(Scorecard.label(c.clarify(), DevSet.expectedActions(c)), Scorecard.label(clarified, actions),
                    pass);
            if (!pass) {
                failures.add(c.id() + " \"" + c.text() + "\" expected " + (c.clarify() ? "clarify" : DevSet.expected(c))
                        + " got " + (clarified ? "clarify: " + r.body().path("question").asText() : got
                        + (r.ok() ? "" : " HTTP " + r.status())));
            }
        }
        int tasks = 0, taskPass = 0;
        if (runTasks) {
            for (DevSet.Task t : DevSet.tasks(data)) {
                tasks++;
                String failure = task(api, run, t);
                taskPass += failure == null ? 1 : 0;
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        return new Result(intentCases, intentPass, clarifyCases, clarifyPass, tasks, taskPass, scorecard, failures);
    }

    /** One task in a fresh session and cart; null when it passes, else what went wrong. */
    static String task(ShopApi api, String run, DevSet.Task t) {
        Map<String, Object> body = new HashMap<>();
        body.put("sessionId", run + "-" + t.id());
        body.put("cartId", run + "-" + t.id());
        body.put("customerId", run);
        body.put("paymentToken", t.paymentToken());
        body.put("text", t.text());
        ShopApi.Response r = finished(api, api.post("/assistant/execute", body, Map.of()));
        String status = r.body().path("status").asText("HTTP " + r.status());
        String expected = t.expect().path("status").asText();
        boolean pass = status.equals(expected);
        String detail = "";
        if (pass && expected.equals("COMPLETED")) {
            String orderId = r.body().path("orderId").asText();
            ShopApi.Response order = api.get("/orders/" + orderId);
            Map<String, Integer> placed = new HashMap<>();
            order.body().path("lines").forEach(l -> placed.merge(l.path("sku").asText(),
                    l.path("quantity").asInt(), Integer::sum));
            Map<String, Integer> wanted = new HashMap<>();
            t.expect().path("orderLines").forEach(l -> wanted.merge(l.path("sku").asText(),
                    l.path("quantity").asInt(), Integer::sum));
            pass = placed.equals(wanted);
            detail = " order " + placed + " expected " + wanted;
        }
        return pass ? null : t.id() + " \"" + t.text() + "\" expected " + expected + " got " + status + detail
                + " — " + r.body().path("message").asText();
    }

    /** A plan answered 202 (its checkout outlived the request) followed by long polls of its plan to its result. */
    static ShopApi.Response finished(ShopApi api, ShopApi.Response executed) {
        if (executed.status() != 202) {
            return executed;
        }
        String planId = executed.body().path("planId").asText();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        while (java.time.Instant.now().isBefore(deadline)) {
            ShopApi.Response plan = api.get("/assistant/plans/" + planId + "?waitSeconds=8");
            if (plan.ok() && !plan.body().path("status").asText().equals("RUNNING")) {
                return new ShopApi.Response(200, plan.body().path("result"));
            }
        }
        return executed;
    }

    private static void waitForIndex(ShopApi api, DevSet.Catalog catalog) {
        // The assistant indexes product events asynchronously: wait until the last product is found.
        var last = catalog.products().getLast();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ShopApi.Response r = api.post("/assistant/intents", Map.of("text", "add " + last.name()), Map.of());
            if (r.ok() && (!r.body().path("intents").isEmpty() || !r.body().path("candidates").isEmpty())) {
                return;
            }
            ShopApi.sleep(Duration.ofMillis(500));
        }
    }

    private static void require(ShopApi.Response r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + " failed: HTTP " + r.status() + " " + r.body());
        }
    }

}
