package dev.shop.perf.suite;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import dev.shop.localstack.DemoCatalog;
import dev.shop.localstack.DemoProduct;
import dev.shop.perf.load.LoadDriver;
import dev.shop.perf.load.LoadResult;
import dev.shop.perf.load.Outcome;
import dev.shop.perf.load.ShopHttp;

/**
 * Shoppers talking to the assistant through the gateway: {@code POST /assistant/intents} (parseIntent alone) and
 * {@code POST /assistant/execute} (executePlan: parse, add to a cart, check out, follow the checkout), over demo
 * products given a large stock first. An execution succeeds when its plan is {@code COMPLETED} or asks the shopper
 * a question ({@code NEEDS_INPUT}); the statuses are counted by name.
 */
final class AssistantScenario {

    private final ShopHttp http;
    private final List<String> requests = new ArrayList<>();

    AssistantScenario(ShopHttp http) throws IOException, InterruptedException {
        this.http = http;
        List<DemoProduct> demo = DemoCatalog.products();
        for (int i = 0; i < demo.size() && requests.size() < 12; i += Math.max(1, demo.size() / 12)) {
            DemoProduct product = demo.get(i);
            ShopHttp.Reply stocked = http.send("PUT", "/inventory/" + product.sku(), Map.of("available", 1_000_000),
                    true, null, null);
            if (!stocked.ok()) {
                throw new IllegalStateException("PUT /inventory/" + product.sku() + ": " + stocked.problemDetail());
            }
            requests.add(product.name().toLowerCase(Locale.ROOT));
        }
    }

    private String text(String name) {
        return switch (ThreadLocalRandom.current().nextInt(3)) {
            case 0 -> "buy one " + name;
            case 1 -> "add 2 " + name + " and check out";
            default -> "buy a " + name + " please";
        };
    }

    LoadResult parse(double rate, Duration warmup, Duration measure) {
        return LoadDriver.open(String.format(Locale.ROOT, "assistant parseIntent %.0f/s", rate), rate, warmup,
                measure, Duration.ofSeconds(30), 5, intended -> {
                    String name = requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
                    ShopHttp.Reply reply = http.send("POST", "/assistant/intents",
                            Map.of("sessionId", "perf-" + UUID.randomUUID(), "text", text(name)), false, null, null);
                    return reply.ok() ? Outcome.SUCCESS : Outcome.failure("POST /assistant/intents " + reply.problem());
                }, Map::of);
    }

    LoadResult execute(double rate, Duration warmup, Duration measure) {
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        return LoadDriver.open(String.format(Locale.ROOT, "assistant executePlan %.1f/s", rate), rate, warmup,
                measure, Duration.ofSeconds(120), 6, intended -> {
                    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                    String name = requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("sessionId", "perf-assistant-" + id);
                    body.put("cartId", "perf-assistant-cart-" + id);
                    body.put("customerId", "perf-assistant-" + id);
                    body.put("paymentToken", "tok_visa");
                    body.put("text", text(name));
                    ShopHttp.Reply reply = http.send("POST", "/assistant/execute", body, false, null,
                            "perf-assistant-" + id);
                    if (!reply.ok()) {
                        return Outcome.failure("POST /assistant/execute " + reply.problem());
                    }
                    String status = reply.body().path("status").asText("?");
                    // A plan that outlived the request (202, RUNNING) is followed to its end, as a client would.
                    String planId = reply.body().path("planId").asText("");
                    while (status.equals("RUNNING") && !planId.isEmpty()) {
                        reply = http.get("/assistant/plans/" + planId + "?waitSeconds=8", "perf-assistant-" + id);
                        if (!reply.ok()) {
                            return Outcome.failure("GET /assistant/plans/{planId} " + reply.problem());
                        }
                        status = reply.body().path("status").asText("?");
                    }
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    // A question back (NEEDS_INPUT) is an answer too; a plan that failed is not.
                    return status.equals("COMPLETED") || status.equals("NEEDS_INPUT") ? Outcome.SUCCESS
                            : Outcome.failure("plan " + status);
                }, () -> {
                    Map<String, Object> extra = new LinkedHashMap<>();
                    statuses.forEach((status, n) -> extra.put("plan " + status, n.sum()));
                    return extra;
                });
    }
}
