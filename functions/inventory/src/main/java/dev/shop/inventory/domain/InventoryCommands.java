package dev.shop.inventory.domain;

/** The commands of the inventory's HTTP functions. */
public final class InventoryCommands {

    private InventoryCommands() {
    }

    /** The command of {@code setStock}: the SKU's free stock, already checked to be 0..1,000,000. */
    public record SetStock(String sku, long available) {
    }
}
