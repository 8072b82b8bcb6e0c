package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command (compensation): release the checkout's held stock. Idempotent; releasing nothing succeeds.
 *
 * @param taskToken  returned unchanged in the reply
 * @param checkoutId the checkout
 */
public record ReleaseInventory(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String checkoutId) {

    public ReleaseInventory {
        Require.text(taskToken, "ReleaseInventory.taskToken");
        Require.text(checkoutId, "ReleaseInventory.checkoutId");
    }
}
