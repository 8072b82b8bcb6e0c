package dev.shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
}
