package dev.shop.runtime.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.problem.Problems;

/**
 * Adapts an API Gateway HTTP API (payload 2.0) event to the module's cloud-neutral {@link HttpApi}. This is
 * the function the Spring Cloud Function AWS adapter invokes on Lambda, and the one the local gateway
 * hands its API-Gateway-style events to.
 */
public class ApiGatewayHttpFunction implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final HttpApi api;

    public ApiGatewayHttpFunction(HttpApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        HttpResponse response = toRequest(event)
                .map(api::handle)
                .orElseGet(() -> {
                    HttpRequest unreadable = new HttpRequest("GET", "/", null, null, null, null, requestId(event));
                    return api.problem(Problems.malformedJson("The request body is not valid base64"), unreadable);
                });
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(new HashMap<>(response.headers()))
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    static Optional<HttpRequest> toRequest(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod()
                : routeMethod(event.getRouteKey());
        String path = event.getRawPath() != null ? event.getRawPath()
                : context != null && context.getHttp() != null ? context.getHttp().getPath() : "/";
        byte[] body;
        if (event.getBody() == null) {
            body = new byte[0];
        } else if (event.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(event.getBody());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        } else {
            body = event.getBody().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        return Optional.of(new HttpRequest(method == null ? "GET" : method, path, event.getPathParameters(),
                event.getQueryStringParameters(), headers, body, requestId(event)));
    }

    private static String routeMethod(String routeKey) {
        return routeKey != null && routeKey.contains(" ") ? routeKey.substring(0, routeKey.indexOf(' ')) : null;
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId() : UUID.randomUUID().toString();
    }
}
