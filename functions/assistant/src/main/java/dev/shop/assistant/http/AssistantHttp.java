package dev.shop.assistant.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.domain.ParseIntent;
import dev.shop.assistant.domain.ExecuteRequest;
import dev.shop.assistant.domain.ExecuteResult;
import dev.shop.assistant.domain.GetPlan;
import dev.shop.assistant.domain.PlanView;
import dev.shop.assistant.notify.PlanNotifications;
import dev.shop.assistant.parser.ParseResult;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.LongPoll;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;

/** The HTTP binding of the assistant: POST /assistant/intents, POST /assistant/execute, GET /assistant/plans/{planId}. */
public class AssistantHttp implements HttpOperations {

    public static final int MAX_TEXT = 1000;

    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final Function<ParseIntent, ParseResult> parseIntent;
    private final BiFunction<ExecuteRequest, String, ExecuteResult> executePlan;
    private final Function<GetPlan, Optional<PlanView>> getPlan;
    private final PlanNotifications notifications;

    /** The longest long poll of getPlan (its function may run 10 s). */
    public static final int MAX_WAIT_SECONDS = 8;
    private static final Pattern PLAN_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    /** @param executePlan the plan and the request's correlation id */
    public AssistantHttp(ObjectMapper mapper, JsonBodies bodies, Function<ParseIntent, ParseResult> parseIntent,
                         BiFunction<ExecuteRequest, String, ExecuteResult> executePlan,
                         Function<GetPlan, Optional<PlanView>> getPlan, PlanNotifications notifications) {
        this.mapper = mapper;
        this.bodies = bodies;
        this.parseIntent = parseIntent;
        this.executePlan = executePlan;
        this.getPlan = getPlan;
        this.notifications = notifications;
    }

    @Override
    public Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        operations.put("parseIntent", this::parse);
        operations.put("executePlan", this::execute);
        operations.put("getPlan", this::plan);
        return operations;
    }

    HttpResponse parse(HttpRequest request) {
        ParseIntent body = bodies.read(request, ParseIntent.class);
        text(body.text(), true);
        return HttpResponse.json(mapper, 200, parseIntent.apply(body));
    }

    HttpResponse execute(HttpRequest request) {
        ExecuteRequest body = bodies.read(request, ExecuteRequest.class);
        if (body.text() == null && body.plan() == null) {
            throw ProblemException.invalidField("text", "give the request as text or a plan");
        }
        text(body.text(), false);
        for (String field : List.of("cartId", "customerId", "paymentToken")) {
            String value = switch (field) {
                case "cartId" -> body.cartId();
                case "customerId" -> body.customerId();
                default -> body.paymentToken();
            };
            if (value == null || value.isBlank()) {
                throw ProblemException.invalidField(field, "must not be blank");
            }
        }
        // Every plan that ran, however it ended, is announced (PlanFinished, with the correlation id as subject);
        // one still running when the answer is due is 202 with where to poll, and announced when it ends.
        ExecuteResult result = notifications.run(body, request.correlationId(),
                () -> executePlan.apply(body, request.correlationId()));
        if (result.running()) {
            return HttpResponse.json(mapper, 202, result).withHeader("location", "/assistant/plans/" + result.planId());
        }
        return HttpResponse.json(mapper, 200, result);
    }

    HttpResponse plan(HttpRequest request) {
        String planId = request.pathParameter("planId");
        if (!PLAN_ID.matcher(planId).matches()) {
            throw ProblemException.invalidField("planId", "is not a plan id");
        }
        PlanView plan = getPlan.apply(new GetPlan(planId, waitFor(request))).orElseThrow(() ->
                new ProblemException(Problems.notFound("No plan " + planId)));
        return HttpResponse.json(mapper, 200, plan);
    }

    /** How long to wait for a running plan to end (0 to {@value #MAX_WAIT_SECONDS} s). */
    private static Duration waitFor(HttpRequest request) {
        return LongPoll.waitFor(request, MAX_WAIT_SECONDS);
    }

    private static void text(String text, boolean required) {
        if (text == null) {
            if (required) {
                throw ProblemException.invalidField("text", "must not be null");
            }
            return;
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalidField("text", "must be at most " + MAX_TEXT + " characters");
        }
    }
}
