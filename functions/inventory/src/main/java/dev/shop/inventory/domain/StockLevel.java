package dev.shop.inventory.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The body of {@code PUT /inventory/{sku}}: how many units are free to sell. Held units are not counted,
 * so setting less than what checkouts currently hold is fine.
 */
public record StockLevel(@NotNull @PositiveOrZero @Max(StockLevel.MAX_AVAILABLE) Long available) {

    public static final long MAX_AVAILABLE = 1_000_000;
}
