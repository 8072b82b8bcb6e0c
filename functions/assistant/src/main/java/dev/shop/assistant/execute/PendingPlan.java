package dev.shop.assistant.execute;

import java.util.List;
import java.util.Map;

import dev.shop.assistant.domain.Step;

/**
 * What finishing a plan needs once its checkout ends: the request's cart and customer, whether the cart was empty
 * before and the plan changed it (to undo on failure), the lines the checkout should buy, and the steps so far.
 */
public record PendingPlan(String sessionId, String cartId, String customerId, String checkoutId, boolean wasEmpty,
                          boolean changedCart, Map<String, Integer> expectedLines, List<Step> steps) {
}
