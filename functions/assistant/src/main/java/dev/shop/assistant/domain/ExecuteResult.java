package dev.shop.assistant.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** How a plan ended (COMPLETED, NEEDS_INPUT, FAILED), what it did, and what the shopper is asked next. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecuteResult(String status, List<Step> steps, String message, JsonNode cart, String checkoutId,
                            String orderId, String question, List<String> candidates) {
}
