package dev.shop.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.shop.events.CommitInventory;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ReleaseInventory;
import dev.shop.events.ReserveInventory;
import dev.shop.events.StockLine;

/** Builds the saga's inventory commands as the workflow sends them: each with a fresh task token and event id. */
public final class Commands {

    private static final String SOURCE = "/test/checkout";

    private final String checkoutId;
    private final List<StockLine> lines = new ArrayList<>();
    private int holdSeconds = 600;
    private String taskToken = uniqueToken();

    private Commands(String checkoutId) {
        this.checkoutId = checkoutId;
    }

    /** A ReserveInventory for the checkout; add lines, then {@link #build()}. Holds for 10 minutes unless told. */
    public static Commands reserve(String checkoutId) {
        return new Commands(checkoutId);
    }

    public static EventEnvelope<ReleaseInventory> release(String checkoutId) {
        return EventEnvelope.of(EventTypes.RELEASE_INVENTORY, SOURCE, correlationId(checkoutId),
                new ReleaseInventory(uniqueToken(), checkoutId));
    }

    public static EventEnvelope<CommitInventory> commit(String checkoutId) {
        return EventEnvelope.of(EventTypes.COMMIT_INVENTORY, SOURCE, correlationId(checkoutId),
                new CommitInventory(uniqueToken(), checkoutId));
    }

    /** A SKU no other test uses. */
    public static String uniqueSku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /** A checkout id no other test uses. */
    public static String uniqueCheckoutId() {
        return "chk-" + UUID.randomUUID();
    }

    /** The correlation id the workflow sends with every command of a checkout. */
    public static String correlationId(String checkoutId) {
        return "corr-" + checkoutId;
    }

    public Commands line(String sku, int quantity) {
        lines.add(new StockLine(sku, quantity));
        return this;
    }

    public Commands holdSeconds(int holdSeconds) {
        this.holdSeconds = holdSeconds;
        return this;
    }

    public Commands taskToken(String taskToken) {
        this.taskToken = taskToken;
        return this;
    }

    public EventEnvelope<ReserveInventory> build() {
        return EventEnvelope.of(EventTypes.RESERVE_INVENTORY, SOURCE, correlationId(checkoutId),
                new ReserveInventory(taskToken, checkoutId, lines, holdSeconds));
    }

    private static String uniqueToken() {
        return "token-" + UUID.randomUUID();
    }
}
