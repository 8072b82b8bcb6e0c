package dev.shop.assistant.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.domain.ParseIntent;
import dev.shop.assistant.domain.ExecuteRequest;
import dev.shop.assistant.domain.ExecuteResult;
import dev.shop.assistant.notify.PlanNotifications;
import dev.shop.assistant.parser.ParseResult;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;

/** The HTTP binding of the assistant: POST /assistant/intents and POST /assistant/execute. */
public class AssistantHttp implements HttpOperations {

    public static final int MAX_TEXT = 1000;

    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final Function<ParseIntent, ParseResult> parseIntent;
    private final Function<ExecuteRequest, ExecuteResult> executePlan;
    private final PlanNotifications notifications;

    public AssistantHttp(ObjectMapper mapper, JsonBodies bodies, Function<ParseIntent, ParseResult> parseIntent,
                         Function<ExecuteRequest, ExecuteResult> executePlan, PlanNotifications notifications) {
        this.mapper = mapper;
        this.bodies = bodies;
        this.parseIntent = parseIntent;
        this.executePlan = executePlan;
        this.notifications = notifications;
    }

    @Override
    public Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        operations.put("parseIntent", this::parse);
        operations.put("executePlan", this::execute);
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
        // Every plan that ran, however it ended, is announced (PlanFinished, with the correlation id as subject).
        return HttpResponse.json(mapper, 200,
                notifications.run(body, request.correlationId(), () -> executePlan.apply(body)));
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
