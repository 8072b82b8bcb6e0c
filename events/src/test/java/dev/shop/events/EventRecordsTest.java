package dev.shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The invariants the compact constructors guarantee to every consumer. */
class EventRecordsTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");

    @Test
    void missingTagsBecomeAnEmptyList() {
        assertThat(SampleEvents.giftCard().tags()).isEmpty();
    }

    @Test
    void tagsAreCopiedSoCallersCannotChangeThemLater() {
        List<String> tags = new ArrayList<>(List.of("sale"));
        var product = new ProductChanged("SKU-1", "Mug", null, null, "kitchen", null, null, 900, "EUR", tags, 1, NOW);
        tags.add("late");

        assertThat(product.tags()).containsExactly("sale").isUnmodifiable();
    }

    @Test
    void rejectsNullTag() {
        List<String> tags = Arrays.asList("sale", null);
        assertThatThrownBy(() -> new ProductChanged("SKU-1", "Mug", null, null, "kitchen", null, null, 900, "EUR", tags, 1, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProductChanged.tags must not contain null");
    }

    @Test
    void rejectsProductChangeWithoutSku() {
        assertThatThrownBy(() -> new ProductChanged(" ", "Mug", null, null, "kitchen", null, null, 900, "EUR", null, 1, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProductChanged.sku must not be blank");
    }

    @Test
    void rejectsProductChangeWithoutUpdateTime() {
        assertThatThrownBy(() -> new ProductChanged("SKU-1", "Mug", null, null, "kitchen", null, null, 900, "EUR", null, 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProductChanged.updatedAt must not be null");
    }

    @Test
    void rejectsDeletionWithoutSku() {
        assertThatThrownBy(() -> new ProductDeleted(null, 1, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProductDeleted.sku must not be blank");
    }

    @Test
    void rejectsReservationWithoutLines() {
        assertThatThrownBy(() -> new ReserveInventory("token", "chk-1", List.of(), 900))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReserveInventory.lines must not be empty");
        assertThatThrownBy(() -> new ReserveInventory("token", "chk-1", null, 900))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReserveInventory.lines must not be empty");
    }

    @Test
    void rejectsReservationThatHoldsForNoTime() {
        assertThatThrownBy(() -> new ReserveInventory("token", "chk-1", List.of(new StockLine("SKU-1", 1)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReserveInventory.holdSeconds must be at least 1");
    }

    @Test
    void rejectsLinesWithoutQuantity() {
        assertThatThrownBy(() -> new StockLine("SKU-1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StockLine.quantity must be at least 1");
        assertThatThrownBy(() -> new OrderLine("SKU-1", "Mug", 0, 900))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OrderLine.quantity must be at least 1");
    }

    @Test
    void rejectsNegativeAmounts() {
        assertThatThrownBy(() -> new OrderLine("SKU-1", "Mug", 1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OrderLine.unitPriceCents must not be negative");
        assertThatThrownBy(() -> new ProcessPayment("token", "chk-1", "cus-1", -1, "EUR", "pm-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProcessPayment.amountCents must not be negative");
        assertThatThrownBy(() -> new CreateOrder("token", "chk-1", "cus-1", SampleEvents.checkoutLines(), -1, "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CreateOrder.totalCents must not be negative");
    }

    @Test
    void rejectsOrderWithoutLines() {
        assertThatThrownBy(() -> new CreateOrder("token", "chk-1", "cus-1", null, 0, "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CreateOrder.lines must not be empty");
    }

    @Test
    void cartLinesAreCopiedAndNeverNull() {
        List<OrderLine> lines = new ArrayList<>(SampleEvents.checkoutLines());
        var cart = new CartChanged("cart-1", lines, "EUR", false, 1, NOW);
        lines.clear();

        assertThat(cart.lines()).hasSize(2).isUnmodifiable();
        assertThat(new CartChanged("cart-1", null, null, false, 2, NOW).lines()).isEmpty();
    }

    @Test
    void rejectsCartLinesWithoutCurrency() {
        assertThatThrownBy(() -> new CartChanged("cart-1", SampleEvents.checkoutLines(), null, false, 1, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CartChanged.currency must not be blank");
    }

    @Test
    void rejectsDeletedCartWithLines() {
        assertThatThrownBy(() -> new CartChanged("cart-1", SampleEvents.checkoutLines(), "EUR", true, 1, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CartChanged.lines must be empty for a deleted cart");
    }

    @Test
    void missingTaskOutputBecomesAnEmptyObject() {
        assertThat(new TaskSucceeded("token", null).output()).isEmpty();
    }

    @Test
    void taskOutputIsCopiedInItsOrderAndMayHoldNulls() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("paymentId", "pay-1");
        output.put("receiptUrl", null);
        output.put("amountCents", 900);
        var succeeded = new TaskSucceeded("token", output);
        output.put("late", true);

        assertThat(succeeded.output()).containsExactly(entry("paymentId", "pay-1"), entry("receiptUrl", null),
                entry("amountCents", 900));
        assertThat(succeeded.output()).isUnmodifiable();
    }

    @Test
    void rejectsTaskOutputWithNullKey() {
        Map<String, Object> output = new HashMap<>();
        output.put(null, "value");

        assertThatThrownBy(() -> new TaskSucceeded("token", output))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TaskSucceeded.output must not contain a null key");
    }

    @Test
    void taskFailureNeedsAnErrorNameButNoCause() {
        assertThat(new TaskFailed("token", "Inventory.OutOfStock", null).cause()).isNull();
        assertThatThrownBy(() -> new TaskFailed("token", " ", "Sold out"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TaskFailed.error must not be blank");
    }

    @Test
    void commandsNeedTheirTaskToken() {
        assertThatThrownBy(() -> new ReleaseInventory(null, "chk-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReleaseInventory.taskToken must not be blank");
        assertThatThrownBy(() -> new ClearCart("", "cart-1", "chk-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ClearCart.taskToken must not be blank");
    }
}
