package dev.shop.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.problem.Problem;

/** A cloud-neutral HTTP response; bodies are JSON text. */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, Map.of("content-type", "application/json"), json);
    }

    /**
     * {@code body} written as JSON by {@code mapper}. A body that cannot be written is a bug, not the client's
     * fault: it throws {@link IllegalStateException}, which the HTTP edge answers with a 500 problem.
     */
    public static HttpResponse json(ObjectMapper mapper, int status, Object body) {
        try {
            return json(status, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, Map.of(), "");
    }

    public static HttpResponse problem(Problem problem, String json) {
        return new HttpResponse(problem.status(), Map.of("content-type", Problem.MEDIA_TYPE), json);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(), value);
        return new HttpResponse(status, copy, body);
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
