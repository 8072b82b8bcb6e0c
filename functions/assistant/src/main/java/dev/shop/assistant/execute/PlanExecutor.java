package dev.shop.assistant.execute;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.assistant.conversation.AssistantService;
import dev.shop.assistant.domain.ExecuteRequest;
import dev.shop.assistant.domain.ExecuteResult;
import dev.shop.assistant.domain.ParseIntent;
import dev.shop.assistant.domain.PlanView;
import dev.shop.assistant.domain.Step;
import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;
import dev.shop.assistant.parser.Intent;
import dev.shop.assistant.parser.Intent.Action;
import dev.shop.assistant.parser.ParseResult;
import dev.shop.assistant.shop.ShopApi;

/**
 * executePlan: carries a plan out through the shop's public API like a shopper's agent. Stock is checked
 * before the cart is touched (no partial orders: an item short of stock stops the plan with in-stock
 * alternatives); the checkout saga is followed until it ends; when it fails after the plan changed the
 * cart, the cart is emptied again if it was empty before, and the message says so.
 *
 * <p>A request answers within {@code budget} (API Gateway gives 30 s): a checkout still running then is stored
 * ({@link Plans}) and answered RUNNING with a plan id; {@link #resume} (getPlan's long poll, the resumePlans sweep)
 * finishes it from any instance. Nothing runs in the background, so it works per invocation on Lambda.
 */
public class PlanExecutor {

    /** The longest long poll getCheckout allows (its function may run 10 s). */
    static final int MAX_CHECKOUT_WAIT_SECONDS = 8;
    private static final String RUNNING = "RUNNING";
    private static final JsonNode MISSING = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    private final ShopApi api;
    private final AssistantService assistant;
    private final ProductIndex index;
    private final Plans plans;
    private final Duration budget;
    private final Clock clock;
    private final BiConsumer<Plans.Stored, ExecuteResult> finished;

    /**
     * @param budget   how long a request may run before it answers RUNNING with a plan id
     * @param finished told of every stored plan that ended (its PlanFinished)
     */
    public PlanExecutor(ShopApi api, AssistantService assistant, ProductIndex index, Plans plans, Duration budget,
                        Clock clock, BiConsumer<Plans.Stored, ExecuteResult> finished) {
        this.api = api;
        this.assistant = assistant;
        this.index = index;
        this.plans = plans;
        this.budget = budget;
        this.clock = clock;
        this.finished = finished;
    }

    /** The shopper's answer when the shop's API stays unreachable after its retries. */
    public static final String UNREACHABLE =
            "The shop could not be reached just now; nothing was changed or charged. Please try again.";

    public ExecuteResult execute(ExecuteRequest request) {
        return execute(request, (String) null);
    }

    public ExecuteResult execute(ExecuteRequest request, String correlationId) {
        List<Step> steps = new ArrayList<>();
        Instant deadline = clock.instant().plus(budget);
        try {
            return execute(request, steps, deadline, correlationId);
        } catch (ShopApi.UnavailableException e) {
            steps.add(new Step("SHOP", "FAILED", UNREACHABLE));
            return new ExecuteResult("FAILED", steps, UNREACHABLE, null, null, null, null, null);
        }
    }

    private ExecuteResult execute(ExecuteRequest request, List<Step> steps, Instant deadline, String correlationId) {
        List<Intent> plan = request.plan();
        if (plan == null) {
            ParseResult parsed = assistant.parse(new ParseIntent(request.text(), request.sessionId()));
            if (parsed.needsClarification()) {
                return new ExecuteResult("NEEDS_INPUT", steps, parsed.question(), null, null, null,
                        parsed.question(), parsed.candidates());
            }
            plan = parsed.intents();
        }
        String cartPath = "/carts/" + request.cartId();
        Map<String, Integer> before = cartLines(api.get(cartPath));
        boolean wasEmpty = before.isEmpty();

        // 1. Stock first: never start a checkout that can only be partly filled.
        Map<String, Integer> wanted = new LinkedHashMap<>(before);
        for (Intent i : plan) {
            switch (i.action()) {
                case ADD_TO_CART -> wanted.merge(i.sku(), i.quantity(), Integer::sum);
                case SET_QUANTITY -> wanted.put(i.sku(), i.quantity());
                case REMOVE_FROM_CART -> wanted.remove(i.sku());
                case CLEAR_CART -> wanted.clear();
                default -> {
                }
            }
        }
        for (Intent i : plan) {
            if (i.action() != Action.ADD_TO_CART && i.action() != Action.SET_QUANTITY) {
                continue;
            }
            int want = wanted.getOrDefault(i.sku(), 0);
            int available = available(i.sku());
            if (available < want) {
                List<String> alternatives = alternatives(i.sku(), want);
                String name = index.get(i.sku()).map(CatalogProduct::label).orElse(i.sku());
                String message = (available <= 0 ? name + " is out of stock" : "Only " + available + " of " + name
                        + " are in stock, you asked for " + want) + ". Nothing was added or charged."
                        + (alternatives.isEmpty() ? "" : " In stock instead: " + String.join(", ",
                        alternatives.stream().map(s -> index.get(s).map(CatalogProduct::label).orElse(s)).toList())
                        + ". Which would you like?");
                steps.add(new Step("CHECK_STOCK", "NEEDS_INPUT", message));
                return new ExecuteResult("NEEDS_INPUT", steps, message, api.get(cartPath).body(), null, null,
                        message, alternatives);
            }
        }

        // 2. The cart steps, then the checkout.
        boolean changedCart = false;
        for (Intent i : plan) {
            switch (i.action()) {
                case ADD_TO_CART -> {
                    ShopApi.Response r = api.post(cartPath + "/items", Map.of("sku", i.sku(), "quantity", i.quantity()),
                            Map.of());
                    changedCart |= r.ok();
                    if (!step(steps, i, r, "Added " + i.quantity() + " × " + label(i.sku()))) {
                        return failed(steps, request, wasEmpty, changedCart, "I could not add " + label(i.sku()));
                    }
                }
                case SET_QUANTITY -> {
                    ShopApi.Response r = api.put(cartPath + "/items/" + i.sku(), Map.of("quantity", i.quantity()));
                    changedCart |= r.ok();
                    if (!step(steps, i, r, "Changed " + label(i.sku()) + " to " + i.quantity())) {
                        return failed(steps, request, wasEmpty, changedCart, "I could not change " + label(i.sku()));
                    }
                }
                case REMOVE_FROM_CART -> {
                    ShopApi.Response r = api.delete(cartPath + "/items/" + i.sku());
                    changedCart |= r.ok();
                    steps.add(new Step(i.action().name(), r.ok() || r.status() == 404 ? "DONE" : "FAILED",
                            "Removed " + label(i.sku())));
                }
                case CLEAR_CART -> {
                    ShopApi.Response r = api.delete(cartPath);
                    changedCart |= r.ok();
                    steps.add(new Step(i.action().name(), r.ok() || r.status() == 404 ? "DONE" : "FAILED",
                            "Emptied the cart"));
                }
                case VIEW_CART -> steps.add(new Step(i.action().name(), "DONE", describe(api.get(cartPath).body())));
                case SEARCH -> steps.add(new Step(i.action().name(), "DONE", "Found: " + String.join(", ",
                        index.score(List.of(i.query().split("\\s+")), null).stream().limit(5)
                                .map(p -> p.product().label()).toList())));
                case ORDER_STATUS -> {
                    ShopApi.Response r = api.get("/orders?customerId="
                            + URLEncoder.encode(request.customerId(), StandardCharsets.UTF_8) + "&limit=5");
                    steps.add(new Step(i.action().name(), r.ok() ? "DONE" : "FAILED",
                            r.ok() ? describeOrders(r.body()) : "I could not look up your orders"));
                }
                case CHECKOUT -> {
                    return checkout(steps, request, wasEmpty, changedCart, deadline, correlationId);
                }
            }
        }
        return new ExecuteResult("COMPLETED", steps, "Done: " + String.join("; ",
                steps.stream().map(Step::detail).toList()), api.get(cartPath).body(), null, null, null, null);
    }

    /**
     * Starts the checkout of exactly the cart the plan built (its {@code cartVersion}: a cart changed by anyone
     * else since is refused, not bought), and follows it to its end. The checkout asks the cart itself what it
     * buys, so the cart just built is what the answer is about; a refusal is final for this key.
     */
    private ExecuteResult checkout(List<Step> steps, ExecuteRequest request, boolean wasEmpty, boolean changedCart,
                                   Instant deadline, String correlationId) {
        String key = UUID.randomUUID().toString();
        ShopApi.Response cart = api.get("/carts/" + request.cartId());
        Map<String, Integer> expectedLines = cartLines(cart);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("cartId", request.cartId(),
                "customerId", request.customerId(), "paymentToken", request.paymentToken()));
        if (cart.ok() && cart.body().path("version").canConvertToLong()) {
            body.put("cartVersion", cart.body().path("version").asLong());
        }
        ShopApi.Response started = api.post("/checkouts", body, Map.of("Idempotency-Key", key));
        if (!started.ok()) {
            steps.add(new Step("CHECKOUT", "FAILED", "The checkout could not start: "
                    + started.body().path("detail").asText("HTTP " + started.status())));
            return failed(steps, request, wasEmpty, changedCart, "The checkout could not start");
        }
        String checkoutId = started.body().path("checkoutId").asText();
        PendingPlan pending = new PendingPlan(request.sessionId(), request.cartId(), request.customerId(), checkoutId,
                wasEmpty, changedCart, expectedLines, steps);
        JsonNode state = awaitCheckout(checkoutId, started.body(), deadline);
        if (!state.path("status").asText(RUNNING).equals(RUNNING)) {
            return finish(pending, state);
        }
        // The answer is due: the plan goes on without this request (getPlan and resumePlans finish it).
        String planId = plans.save(pending, correlationId);
        List<Step> shown = new ArrayList<>(steps);
        shown.add(new Step("CHECKOUT", "PENDING", "The checkout " + checkoutId + " is still running"));
        return new ExecuteResult(ExecuteResult.RUNNING, shown, "Your checkout is under way; I will have the result "
                + "in a moment.", null, checkoutId, null, null, null, planId);
    }

    /**
     * Follows a checkout until it ends or {@code deadline} passes: long polls of {@code GET /checkouts/{id}}
     * (the checkout answers when its saga takes a step), never sleeps. The last state known is returned.
     */
    private JsonNode awaitCheckout(String checkoutId, JsonNode known, Instant deadline) {
        JsonNode state = known;
        while (state.path("status").asText(RUNNING).equals(RUNNING)) {
            long remaining = Duration.between(clock.instant(), deadline).toSeconds();
            if (remaining < 1) {
                return state;
            }
            ShopApi.Response r = api.get("/checkouts/" + checkoutId + "?waitSeconds="
                    + Math.min(remaining, MAX_CHECKOUT_WAIT_SECONDS));
            if (!r.ok()) {
                return state; // what is known; the next look (a poll, the sweep) asks again
            }
            state = r.body();
        }
        return state;
    }

    /**
     * A plan that outlived its request, looked at again: its checkout followed for at most {@code atMost}, and
     * finished (order checked, or the cart undone) when it has ended. Empty when there is no such plan.
     */
    public Optional<PlanView> resume(String planId, Duration atMost) {
        Optional<Plans.Stored> stored = plans.find(planId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Plans.Stored plan = stored.get();
        if (!plan.status().equals(Plans.RUNNING)) {
            return Optional.of(new PlanView(planId, plan.status(), plan.result()));
        }
        PendingPlan pending = plan.pending();
        ShopApi.Response now;
        try {
            now = api.get("/checkouts/" + pending.checkoutId());
        } catch (ShopApi.UnavailableException e) {
            return Optional.of(new PlanView(planId, Plans.RUNNING, null));
        }
        JsonNode state = awaitCheckout(pending.checkoutId(), now.ok() ? now.body() : MISSING,
                clock.instant().plus(atMost));
        if (state.path("status").asText(RUNNING).equals(RUNNING)) {
            plans.touch(planId);
            return Optional.of(new PlanView(planId, Plans.RUNNING, null));
        }
        ExecuteResult result = finish(pending, state);
        if (plans.finish(planId, result)) {
            finished.accept(plan, result);
            return Optional.of(new PlanView(planId, result.status(), result));
        }
        return plans.find(planId).map(p -> new PlanView(planId, p.status(), p.result()));
    }

    /** Looks at every running plan once (the sweep); the number that ended. */
    public int resumeRunning() {
        int ended = 0;
        for (String planId : plans.running(100)) {
            if (resume(planId, Duration.ZERO).map(p -> !p.status().equals(Plans.RUNNING)).orElse(false)) {
                ended++;
            }
        }
        return ended;
    }

    /** The end of a plan whose checkout ended: the order checked against the cart, or the cart undone. */
    private ExecuteResult finish(PendingPlan pending, JsonNode state) {
        List<Step> steps = new ArrayList<>(pending.steps());
        String checkoutId = pending.checkoutId();
        Map<String, Integer> expectedLines = pending.expectedLines();
        String status = state.path("status").asText(RUNNING);
        if (status.equals("SUCCEEDED")) {
            String orderId = state.path("orderId").asText(null);
            steps.add(new Step("CHECKOUT", "DONE", "Order " + orderId + " placed"));
            String warning = "";
            ShopApi.Response order = orderId == null ? null : api.get("/orders/" + orderId);
            if (order != null && order.ok()) {
                Map<String, Integer> placed = new LinkedHashMap<>();
                order.body().path("lines").forEach(l -> placed.merge(l.path("sku").asText(),
                        l.path("quantity").asInt(), Integer::sum));
                if (!placed.equals(expectedLines)) {
                    warning = " Note: the order holds " + placed + " while your cart had " + expectedLines
                            + "; please check it.";
                    steps.add(new Step("VERIFY_ORDER", "MISMATCH", warning.trim()));
                }
            }
            return new ExecuteResult("COMPLETED", steps, "Your order " + orderId + " is placed." + warning,
                    api.get("/carts/" + pending.cartId()).body(), checkoutId, orderId, null, null);
        }
        String reason = state.path("cause").asText(state.path("error").asText("the checkout failed"));
        steps.add(new Step("CHECKOUT", "FAILED", "The payment or checkout failed: " + reason));
        ExecuteResult failed = failed(steps, pending.cartId(), pending.wasEmpty(), pending.changedCart(),
                "The checkout did not go through (" + reason + "); nothing was charged");
        return new ExecuteResult(failed.status(), failed.steps(), failed.message(), failed.cart(), checkoutId, null,
                null, null);
    }

    /** Undoes the plan's cart changes when the cart was empty before it, and says what happened. */
    private ExecuteResult failed(List<Step> steps, ExecuteRequest request, boolean wasEmpty, boolean changedCart,
                                 String what) {
        return failed(steps, request.cartId(), wasEmpty, changedCart, what);
    }

    private ExecuteResult failed(List<Step> steps, String cartId, boolean wasEmpty, boolean changedCart,
                                 String what) {
        String message = what + ".";
        if (changedCart && wasEmpty) {
            ShopApi.Response r = api.delete("/carts/" + cartId);
            steps.add(new Step("UNDO", r.ok() || r.status() == 404 ? "DONE" : "FAILED",
                    "Emptied the cart again, as it was before"));
            message += " I removed what I had added, so your cart is empty as before.";
        } else if (changedCart) {
            message += " Your cart still has the items; your earlier items were kept.";
        }
        return new ExecuteResult("FAILED", steps, message, api.get("/carts/" + cartId).body(), null, null,
                null, null);
    }

    private boolean step(List<Step> steps, Intent i, ShopApi.Response r, String detail) {
        steps.add(new Step(i.action().name(), r.ok() ? "DONE" : "FAILED",
                r.ok() ? detail : detail + " failed: " + r.body().path("detail").asText("HTTP " + r.status())));
        return r.ok();
    }

    private int available(String sku) {
        ShopApi.Response r = api.get("/inventory/" + sku);
        return r.ok() ? r.body().path("available").asInt(0) : 0;
    }

    /** In-stock products like this one: its other variants first, then the same category. */
    private List<String> alternatives(String sku, int want) {
        CatalogProduct product = index.get(sku).orElse(null);
        if (product == null) {
            return List.of();
        }
        List<String> options = new ArrayList<>(index.family(sku));
        index.all().stream().filter(p -> p.category().equals(product.category())).map(CatalogProduct::sku)
                .sorted().forEach(options::add);
        return options.stream().distinct().filter(s -> !s.equals(sku)).limit(8)
                .filter(s -> available(s) >= want).limit(3).toList();
    }

    private String label(String sku) {
        return index.get(sku).map(CatalogProduct::label).orElse(sku);
    }

    private static String describe(JsonNode cart) {
        if (cart == null || !cart.has("items") || cart.path("items").isEmpty()) {
            return "Your cart is empty";
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode line : cart.path("items")) {
            lines.add(line.path("quantity").asInt() + " × " + line.path("name").asText(line.path("sku").asText()));
        }
        return "Your cart: " + String.join(", ", lines) + " (total " + cart.path("totalCents").asLong() / 100.0 + ")";
    }

    /** "Your latest orders: order 1a2b… (placed 2026-11-22): 2 × Ceramic Mug (red), 1 × … — 25.00 USD, confirmed." */
    String describeOrders(JsonNode page) {
        JsonNode items = page == null ? null : page.path("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            return "You have no orders yet";
        }
        List<String> orders = new ArrayList<>();
        for (JsonNode order : items) {
            List<String> lines = new ArrayList<>();
            for (JsonNode line : order.path("lines")) {
                String sku = line.path("sku").asText();
                lines.add(line.path("quantity").asInt() + " × " + index.get(sku).map(CatalogProduct::label)
                        .orElse(line.path("name").asText(sku)));
            }
            String placed = order.path("createdAt").asText("");
            String status = order.path("status").asText("").toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            orders.add("order " + order.path("orderId").asText()
                    + (placed.length() >= 10 ? " (placed " + placed.substring(0, 10) + ")" : "")
                    + (lines.isEmpty() ? "" : ": " + String.join(", ", lines))
                    + String.format(java.util.Locale.ROOT, ", %.2f %s", order.path("totalCents").asLong() / 100.0,
                    order.path("currency").asText("")).stripTrailing()
                    + (status.isEmpty() ? "" : ", " + status));
        }
        return (orders.size() == 1 ? "Your latest order is " : "Your latest orders: ") + String.join("; ", orders);
    }

    static Map<String, Integer> cartLines(ShopApi.Response cart) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        if (cart.ok()) {
            for (JsonNode line : cart.body().path("items")) {
                lines.put(line.path("sku").asText(), line.path("quantity").asInt());
            }
        }
        return lines;
    }
}
