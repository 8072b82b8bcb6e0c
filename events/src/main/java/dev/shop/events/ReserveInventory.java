package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Command: hold stock for a checkout. All lines or none; at most once per checkout. The hold is released
 * when it expires unless committed first. Answered with a {@link TaskSucceeded} ({@code reservationId})
 * or a {@link TaskFailed} with error {@code Inventory.OutOfStock}.
 *
 * @param taskToken   returned unchanged in the reply
 * @param checkoutId  the checkout the hold belongs to (the idempotency key)
 * @param lines       what to hold; at least one line
 * @param holdSeconds how long the hold lasts, at least 1
 */
public record ReserveInventory(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String checkoutId,
        @JsonProperty(required = true) @NonEmpty List<StockLine> lines,
        @Minimum(1) int holdSeconds) {

    public ReserveInventory {
        Require.text(taskToken, "ReserveInventory.taskToken");
        Require.text(checkoutId, "ReserveInventory.checkoutId");
        lines = Require.nonEmptyList(lines, "ReserveInventory.lines");
        Require.atLeast(holdSeconds, 1, "ReserveInventory.holdSeconds");
    }
}
