package dev.shop.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.http.HttpResponse;

/** Response bodies read for assertions. */
public final class JsonResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonResponses() {
    }

    /** A response body as JSON; a body that is not JSON fails the test. */
    public static JsonNode bodyOf(HttpResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("response body is not JSON: " + response.body(), e);
        }
    }
}
