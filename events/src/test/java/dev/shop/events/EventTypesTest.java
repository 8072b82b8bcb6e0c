package dev.shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void listsProductEventsInDeclarationOrder() {
        assertThat(EventTypes.all()).containsExactly(EventTypes.PRODUCT_CHANGED, EventTypes.PRODUCT_DELETED);
    }

    @Test
    void productEventsTravelOnTheProductTopic() {
        assertThat(EventTypes.PRODUCT_CHANGED.topic()).isEqualTo("product-events");
        assertThat(EventTypes.PRODUCT_DELETED.topic()).isEqualTo("product-events");
    }

    @Test
    void findsTypesByVersionedName() {
        assertThat(EventTypes.byName("shop.product.changed.v1")).contains(EventTypes.PRODUCT_CHANGED);
        assertThat(EventTypes.byName("shop.product.deleted.v1")).contains(EventTypes.PRODUCT_DELETED);
    }

    @Test
    void findsNothingForUnknownOrMissingName() {
        assertThat(EventTypes.byName("shop.product.changed.v2")).isEmpty();
        assertThat(EventTypes.byName(null)).isEmpty();
    }

    @Test
    void schemaPathIsDerivedFromTheName() {
        assertThat(EventTypes.PRODUCT_CHANGED.schemaPath()).isEqualTo("schemas/shop.product.changed.v1.json");
    }

    @Test
    void allIsReadOnly() {
        assertThat(EventTypes.all()).isUnmodifiable();
    }
}
