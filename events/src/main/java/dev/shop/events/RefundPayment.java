package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command (compensation): refund the checkout's captured payment in full. Idempotent; refunding a
 * payment never captured succeeds with nothing refunded.
 *
 * @param taskToken  returned unchanged in the reply
 * @param checkoutId the checkout
 */
public record RefundPayment(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String checkoutId) {

    public RefundPayment {
        Require.text(taskToken, "RefundPayment.taskToken");
        Require.text(checkoutId, "RefundPayment.checkoutId");
    }
}
