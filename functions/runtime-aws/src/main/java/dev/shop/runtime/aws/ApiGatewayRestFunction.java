package dev.shop.runtime.aws;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.problem.Problems;

/**
 * Adapts an API Gateway REST API (payload 1.0, Lambda proxy integration) event to the module's {@link HttpApi}:
 * what LocalStack's community edition sends, which has no HTTP APIs. Registered as {@code <httpHandler>Rest}; the
 * LocalStack environment's Terraform names it in {@code SPRING_CLOUD_FUNCTION_DEFINITION}.
 */
public class ApiGatewayRestFunction implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** The suffix of this function's bean name after the module's {@code httpHandler}. */
    public static final String SUFFIX = "Rest";

    private final HttpApi api;

    public ApiGatewayRestFunction(HttpApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent event) {
        String requestId = event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId() : UUID.randomUUID().toString();
        Optional<byte[]> body = ApiGatewayHttpFunction.Bodies.decode(event.getBody(),
                Boolean.TRUE.equals(event.getIsBase64Encoded()));
        HttpResponse response = body
                .map(bytes -> api.handle(new HttpRequest(event.getHttpMethod() == null ? "GET" : event.getHttpMethod(),
                        event.getPath() == null ? "/" : event.getPath(), event.getPathParameters(),
                        event.getQueryStringParameters(),
                        event.getHeaders() == null ? Map.of() : event.getHeaders(), bytes, requestId)))
                .orElseGet(() -> api.problem(Problems.malformedJson("The request body is not valid base64"),
                        new HttpRequest("GET", "/", null, null, null, null, requestId)));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(new HashMap<>(response.headers()))
                .withBody(response.body())
                .withIsBase64Encoded(false);
    }
}
