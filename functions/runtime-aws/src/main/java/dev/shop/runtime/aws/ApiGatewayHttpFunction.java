package dev.shop.runtime.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * the function the Spring Cloud Function AWS adapter invokes on Lambda (the manifest's {@code httpHandler}), and
 * the one the local gateway hands its API-Gateway-style events to. A JWT authorizer's claims and scopes reach
 * the {@link HttpRequest} as {@code claims} ({@code scope}: the scopes, space separated).
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
        Optional<byte[]> body = Bodies.decode(event.getBody(), event.getIsBase64Encoded());
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        return Optional.of(new HttpRequest(method == null ? "GET" : method, path, event.getPathParameters(),
                event.getQueryStringParameters(), headers, body.get(), requestId(event), claims(context)));
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent.RequestContext context) {
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = context.getAuthorizer().getJwt();
        Map<String, String> claims = new LinkedHashMap<>(jwt.getClaims() == null ? Map.of() : jwt.getClaims());
        if (jwt.getScopes() != null && !jwt.getScopes().isEmpty()) {
            claims.put("scope", String.join(" ", jwt.getScopes()));
        }
        return claims;
    }

    private static String routeMethod(String routeKey) {
        return routeKey != null && routeKey.contains(" ") ? routeKey.substring(0, routeKey.indexOf(' ')) : null;
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId() : UUID.randomUUID().toString();
    }

    /** API Gateway bodies: text, or base64 when the gateway says so. */
    static final class Bodies {
        private Bodies() {
        }

        static Optional<byte[]> decode(String body, boolean base64) {
            if (body == null) {
                return Optional.of(new byte[0]);
            }
            if (!base64) {
                return Optional.of(body.getBytes(StandardCharsets.UTF_8));
            }
            try {
                return Optional.of(Base64.getDecoder().decode(body));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
