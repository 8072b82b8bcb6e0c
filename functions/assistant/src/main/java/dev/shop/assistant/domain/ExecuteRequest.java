package dev.shop.assistant.domain;

import java.util.List;

import dev.shop.assistant.parser.Intent;

/** executePlan's command: a plan (or the words to parse into one) for a cart, a customer and a payment token. */
public record ExecuteRequest(String sessionId, String cartId, String customerId, String paymentToken,
                             String text, List<Intent> plan) {
}
