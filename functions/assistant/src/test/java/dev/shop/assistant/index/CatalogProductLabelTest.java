package dev.shop.assistant.index;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogProductLabelTest {

    @Test
    void theBrandIsNotRepeatedWhenTheNameStartsWithIt() {
        CatalogProduct shirt = new CatalogProduct("S-1", "Tidewater Flannel Shirt", "Tidewater", "apparel", "red", "M",
                3999, "", List.of());
        assertThat(shirt.label()).isEqualTo("Tidewater Flannel Shirt (red, size M)");
    }

    @Test
    void theBrandPrefixesANameWithoutIt() {
        CatalogProduct mug = new CatalogProduct("M-1", "Ceramic Mug", "Potter", "kitchen", "red", null, 1299, "",
                List.of());
        assertThat(mug.label()).isEqualTo("Potter Ceramic Mug (red)");
    }
}
