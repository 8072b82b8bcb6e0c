package dev.shop.inventory.domain;

import java.util.List;
import java.util.Map;

import dev.shop.runtime.saga.TaskResult;

/**
 * What the workflow hears from each inventory outcome: a stable error name its Retry/Catch rules match, and a cause
 * written for shoppers.
 */
public final class InventoryReplies {

    public static final String OUT_OF_STOCK = "Inventory.OutOfStock";
    public static final String RESERVATION_RELEASED = "Inventory.ReservationReleased";
    public static final String ALREADY_COMMITTED = "Inventory.AlreadyCommitted";
    public static final String RESERVATION_EXPIRED = "Inventory.ReservationExpired";
    public static final String RESERVATION_NOT_FOUND = "Inventory.ReservationNotFound";

    private InventoryReplies() {
    }

    public static TaskResult to(ReservationOutcome outcome) {
        return switch (outcome) {
            case ReservationOutcome.Reserved reserved -> TaskResult.succeeded(Map.of(
                    "reservationId", reserved.checkoutId(), "expiresAt", reserved.expiresAt().toString()));
            case ReservationOutcome.OutOfStock out -> TaskResult.failed(OUT_OF_STOCK, notEnoughStock(out.skus()));
            case ReservationOutcome.AlreadyReleased released -> TaskResult.failed(RESERVATION_RELEASED,
                    released.status() == ReservationStatus.EXPIRED
                            ? "The items were held for too long and went back on sale. Please check out again."
                            : "The items held for this checkout went back on sale. Please check out again.");
        };
    }

    public static TaskResult to(ReleaseOutcome outcome) {
        return switch (outcome) {
            case ReleaseOutcome.Released released -> TaskResult.succeeded(Map.of("released", true));
            case ReleaseOutcome.NothingHeld nothing -> TaskResult.succeeded(Map.of("released", false));
            case ReleaseOutcome.AlreadyCommitted committed -> TaskResult.failed(ALREADY_COMMITTED,
                    "The items of this checkout are already sold and cannot be put back on sale.");
        };
    }

    public static TaskResult to(CommitOutcome outcome) {
        return switch (outcome) {
            case CommitOutcome.Committed committed -> TaskResult.succeeded(Map.of(
                    "reservationId", committed.checkoutId(), "committed", true));
            case CommitOutcome.NoLongerHeld gone -> TaskResult.failed(RESERVATION_EXPIRED,
                    "The items were no longer held for this checkout. Please check out again.");
            case CommitOutcome.NotFound notFound -> TaskResult.failed(RESERVATION_NOT_FOUND,
                    "No items were held for this checkout. Please check out again.");
        };
    }

    static String notEnoughStock(List<String> skus) {
        return skus.size() == 1
                ? "Not enough stock for SKU " + skus.getFirst()
                : "Not enough stock for SKUs " + String.join(", ", skus);
    }
}
