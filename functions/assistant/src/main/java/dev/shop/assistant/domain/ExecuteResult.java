package dev.shop.assistant.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a plan ended (COMPLETED, NEEDS_INPUT, FAILED), what it did, and what the shopper is asked next; or RUNNING
 * with the {@code planId} to poll ({@code GET /assistant/plans/{planId}}) when its checkout outlived the request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecuteResult(String status, List<Step> steps, String message, JsonNode cart, String checkoutId,
                            String orderId, String question, List<String> candidates, String planId) {

    public static final String RUNNING = "RUNNING";

    public ExecuteResult(String status, List<Step> steps, String message, JsonNode cart, String checkoutId,
                         String orderId, String question, List<String> candidates) {
        this(status, steps, message, cart, checkoutId, orderId, question, candidates, null);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }
}
