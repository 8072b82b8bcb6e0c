package dev.shop.checkout.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.checkout.domain.CheckoutRequest;
import dev.shop.checkout.domain.CheckoutStart;
import dev.shop.checkout.domain.GetCheckout;
import dev.shop.checkout.domain.StartCheckout;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.LongPoll;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;
import dev.shop.workflow.ExecutionView;
import dev.shop.workflow.HistoryEvent;

/** The HTTP binding of the checkout: {@code POST /checkouts} and {@code GET /checkouts/{checkoutId}}. */
public class CheckoutHttp implements HttpOperations {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern CHECKOUT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    /** The longest long poll: getCheckout may run 10 s (functions.json), and answers before that. */
    public static final int MAX_WAIT_SECONDS = 8;

    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final Function<StartCheckout, CheckoutStart> startCheckout;
    private final Function<GetCheckout, Optional<ExecutionView>> getCheckout;

    public CheckoutHttp(ObjectMapper mapper, JsonBodies bodies, Function<StartCheckout, CheckoutStart> startCheckout,
                        Function<GetCheckout, Optional<ExecutionView>> getCheckout) {
        this.mapper = mapper;
        this.bodies = bodies;
        this.startCheckout = startCheckout;
        this.getCheckout = getCheckout;
    }

    @Override
    public Map<String, HttpOperation> operations() {
        return Map.of("startCheckout", this::start, "getCheckout", this::get);
    }

    private HttpResponse start(HttpRequest request) {
        String key = request.header("idempotency-key").map(String::trim).orElse("");
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ProblemException.invalidField("Idempotency-Key",
                    "header is required: 1-200 visible characters, the same for every retry of this checkout");
        }
        CheckoutRequest body = bodies.read(request, CheckoutRequest.class);
        return switch (startCheckout.apply(new StartCheckout(key, body, request.correlationId()))) {
            case CheckoutStart.Started started -> accepted(started.checkoutId(), false);
            case CheckoutStart.Replayed replayed -> accepted(replayed.checkoutId(), true);
            case CheckoutStart.KeyReused reused -> throw new ProblemException(Problems.unprocessable(
                    "This Idempotency-Key was already used for a different checkout request; use a new key"));
            case CheckoutStart.CartRefused refused -> throw new ProblemException(cartRefusal(refused)
                    .withInstance("/checkouts/" + refused.checkoutId()));
            case CheckoutStart.CartInCheckout busy -> throw new ProblemException(Problems.conflict(
                    "Cart " + busy.cartId() + " is already being checked out as " + busy.checkoutId()));
        };
    }

    /** The cart's own words say why; a cart that does not exist is not found, any other refusal a conflict. */
    private static Problem cartRefusal(CheckoutStart.CartRefused refused) {
        String detail = refused.cause() == null ? "The cart cannot be checked out" : refused.cause();
        return refused.refusal() == CheckoutStart.CartRefusal.NOT_FOUND
                ? Problems.notFound(detail) : Problems.conflict(detail);
    }

    private HttpResponse get(HttpRequest request) {
        String checkoutId = request.pathParameter("checkoutId");
        if (!CHECKOUT_ID.matcher(checkoutId).matches()) {
            throw ProblemException.invalidField("checkoutId", "is not a checkout id");
        }
        ExecutionView execution = getCheckout.apply(new GetCheckout(checkoutId, waitFor(request)))
                .orElseThrow(() ->
                new ProblemException(Problems.notFound("No checkout " + checkoutId)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkoutId", execution.executionId());
        body.put("status", execution.status().name());
        body.put("currentState", execution.currentState());
        text(execution.output(), "orderId").ifPresent(id -> body.put("orderId", id));
        if (execution.error() != null) {
            body.put("error", execution.error());
            body.put("cause", execution.cause());
        }
        body.put("startedAt", execution.startedAt());
        body.put("updatedAt", execution.updatedAt());
        body.put("history", execution.history().stream().map(CheckoutHttp::historyEntry).toList());
        return HttpResponse.json(mapper, 200, body);
    }

    /** How long to wait for a running checkout to end (0 to {@value #MAX_WAIT_SECONDS} s). */
    private static Duration waitFor(HttpRequest request) {
        return LongPoll.waitFor(request, MAX_WAIT_SECONDS);
    }

    private HttpResponse accepted(String checkoutId, boolean replayed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkoutId", checkoutId);
        body.put("status", getCheckout.apply(GetCheckout.now(checkoutId)).map(e -> e.status().name()).orElse("RUNNING"));
        HttpResponse response = HttpResponse.json(mapper, 202, body)
                .withHeader("location", "/checkouts/" + checkoutId);
        return replayed ? response.withHeader("idempotent-replayed", "true") : response;
    }

    private static Map<String, Object> historyEntry(HistoryEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", event.seq());
        entry.put("type", event.type().name());
        if (event.stateName() != null) {
            entry.put("state", event.stateName());
        }
        entry.put("at", event.occurredAt());
        if (event.details() != null && event.details().has("error")) {
            entry.put("error", event.details().get("error").asText());
        }
        return entry;
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node).map(n -> n.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
