package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command: turn the checkout's hold into a sale, so the stock leaves for good. Idempotent.
 *
 * @param taskToken  returned unchanged in the reply
 * @param checkoutId the checkout
 */
public record CommitInventory(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String checkoutId) {

    public CommitInventory {
        Require.text(taskToken, "CommitInventory.taskToken");
        Require.text(checkoutId, "CommitInventory.checkoutId");
    }
}
