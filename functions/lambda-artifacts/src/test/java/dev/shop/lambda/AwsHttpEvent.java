package dev.shop.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * AWS's published API Gateway HTTP API (payload 2.0) event ({@code functions/runtime-aws/src/test/resources/events/aws/apigw_http_event.json}) turned
 * into a request to one route: method, path, route key, path parameters, query, body and extra headers replaced, and
 * everything else AWS puts there (cookies, JWT authorizer claims, stage variables, its own headers) kept.
 */
final class AwsHttpEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode event;

    private AwsHttpEvent(ObjectNode event) {
        this.event = event;
    }

    static AwsHttpEvent request(String method, String routePath, String rawPath) {
        ObjectNode event;
        try {
            event = (ObjectNode) JSON.readTree(Repository.AWS_EVENTS.resolve("apigw_http_event.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String routeKey = method + " " + routePath;
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", "");
        event.remove("queryStringParameters");
        event.remove("pathParameters");
        event.remove("body");
        event.put("isBase64Encoded", false);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", routeKey);
        ObjectNode http = (ObjectNode) context.get("http");
        http.put("method", method);
        http.put("path", rawPath);
        return new AwsHttpEvent(event);
    }

    AwsHttpEvent pathParameters(Map<String, String> parameters) {
        ObjectNode node = event.putObject("pathParameters");
        parameters.forEach(node::put);
        return this;
    }

    AwsHttpEvent query(String rawQuery) {
        event.put("rawQueryString", rawQuery);
        ObjectNode node = event.putObject("queryStringParameters");
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            node.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return this;
    }

    AwsHttpEvent header(String name, String value) {
        ((ObjectNode) event.get("headers")).put(name, value);
        return this;
    }

    AwsHttpEvent jsonBody(String body) {
        header("content-type", "application/json");
        event.put("body", body);
        return this;
    }

    String json() {
        return event.toString();
    }
}
