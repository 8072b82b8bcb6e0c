package dev.shop.assistant.index;

import java.util.List;

import dev.shop.assistant.parser.TestCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductIndexTest {

    @Test
    void aProductAddedLaterIsFoundAndADeletedOneIsNot() {
        ProductIndex index = TestCatalog.index();
        assertThat(index.score(List.of("kettle"), null)).isEmpty();
        index.upsert(new CatalogProduct("KIT-KTL-1", "Electric Kettle", "Castor", "kitchen", "silver", null, 2999,
                "1.7 l kettle", List.of("kettle")), 1);
        assertThat(index.score(List.of("kettles"), null)).first()
                .extracting(p -> p.product().sku()).isEqualTo("KIT-KTL-1");
        index.delete("KIT-KTL-1", 2);
        assertThat(index.score(List.of("kettle"), null)).isEmpty();
    }

    @Test
    void anOlderVersionDoesNotOverwriteANewerOne() {
        ProductIndex index = TestCatalog.index();
        CatalogProduct v2 = new CatalogProduct("X-1", "Teapot", null, "kitchen", null, null, 100, null, List.of());
        index.upsert(v2, 2);
        index.upsert(new CatalogProduct("X-1", "Kettle", null, "kitchen", null, null, 100, null, List.of()), 1);
        assertThat(index.get("X-1")).contains(v2);
        assertThat(index.delete("X-1", 1)).isFalse();
    }

    @Test
    void nameMatchesOutweighTagMatches() {
        ProductIndex index = TestCatalog.index();
        assertThat(index.score(List.of("espresso"), null).getFirst().product().name()).isEqualTo("Espresso Cup");
    }
}
