package dev.shop.inventory.domain;

import java.util.List;
import java.util.Map;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;

/**
 * The saga's replies to inventory commands: each outcome becomes a TaskSucceeded or a TaskFailed with a
 * stable error name the workflow matches on, and a cause written for shoppers.
 */
public final class InventoryReplies {

    public static final String SOURCE = "/functions/inventory";
    public static final String OUT_OF_STOCK = "Inventory.OutOfStock";
    public static final String RESERVATION_RELEASED = "Inventory.ReservationReleased";
    public static final String ALREADY_COMMITTED = "Inventory.AlreadyCommitted";
    public static final String RESERVATION_EXPIRED = "Inventory.ReservationExpired";
    public static final String RESERVATION_NOT_FOUND = "Inventory.ReservationNotFound";

    private InventoryReplies() {
    }

    public static EventEnvelope<?> to(String taskToken, ReservationOutcome outcome, String correlationId) {
        return switch (outcome) {
            case ReservationOutcome.Reserved reserved -> succeeded(taskToken, correlationId, Map.of(
                    "reservationId", reserved.checkoutId(), "expiresAt", reserved.expiresAt().toString()));
            case ReservationOutcome.OutOfStock out -> failed(taskToken, correlationId, OUT_OF_STOCK,
                    notEnoughStock(out.skus()));
            case ReservationOutcome.AlreadyReleased released -> failed(taskToken, correlationId, RESERVATION_RELEASED,
                    released.status() == ReservationStatus.EXPIRED
                            ? "The items were held for too long and went back on sale. Please check out again."
                            : "The items held for this checkout went back on sale. Please check out again.");
        };
    }

    public static EventEnvelope<?> to(String taskToken, ReleaseOutcome outcome, String correlationId) {
        return switch (outcome) {
            case ReleaseOutcome.Released released -> succeeded(taskToken, correlationId, Map.of("released", true));
            case ReleaseOutcome.NothingHeld nothing -> succeeded(taskToken, correlationId, Map.of("released", false));
            case ReleaseOutcome.AlreadyCommitted committed -> failed(taskToken, correlationId, ALREADY_COMMITTED,
                    "The items of this checkout are already sold and cannot be put back on sale.");
        };
    }

    public static EventEnvelope<?> to(String taskToken, CommitOutcome outcome, String correlationId) {
        return switch (outcome) {
            case CommitOutcome.Committed committed -> succeeded(taskToken, correlationId, Map.of(
                    "reservationId", committed.checkoutId(), "committed", true));
            case CommitOutcome.NoLongerHeld gone -> failed(taskToken, correlationId, RESERVATION_EXPIRED,
                    "The items were no longer held for this checkout. Please check out again.");
            case CommitOutcome.NotFound notFound -> failed(taskToken, correlationId, RESERVATION_NOT_FOUND,
                    "No items were held for this checkout. Please check out again.");
        };
    }

    static String notEnoughStock(List<String> skus) {
        return skus.size() == 1
                ? "Not enough stock for SKU " + skus.getFirst()
                : "Not enough stock for SKUs " + String.join(", ", skus);
    }

    private static EventEnvelope<TaskSucceeded> succeeded(String taskToken, String correlationId,
                                                          Map<String, Object> output) {
        return EventEnvelope.of(EventTypes.TASK_SUCCEEDED, SOURCE, correlationId, new TaskSucceeded(taskToken, output));
    }

    private static EventEnvelope<TaskFailed> failed(String taskToken, String correlationId, String error,
                                                    String cause) {
        return EventEnvelope.of(EventTypes.TASK_FAILED, SOURCE, correlationId, new TaskFailed(taskToken, error, cause));
    }
}
