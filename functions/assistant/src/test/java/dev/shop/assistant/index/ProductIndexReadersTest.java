package dev.shop.assistant.index;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many updates (each opens a new reader) while searching: old readers are released, searches see the latest. */
class ProductIndexReadersTest {

    @Test
    void manyUpdatesKeepSearchingTheLatestState() throws Exception {
        try (ProductIndex index = new ProductIndex()) {
            for (int v = 1; v <= 500; v++) {
                index.upsert(new CatalogProduct("P-1", v % 2 == 0 ? "Copper Kettle" : "Copper Teapot", null, "kitchen",
                        null, null, 100, null, List.of()), v);
                assertThat(index.score(List.of("copper"), null)).hasSize(1);
            }
            assertThat(index.score(List.of("kettle"), null)).extracting(p -> p.product().sku()).containsExactly("P-1");
            assertThat(index.score(List.of("teapot"), null)).isEmpty();
            index.delete("P-1", 501);
            assertThat(index.score(List.of("copper"), null)).isEmpty();
        }
    }
}
