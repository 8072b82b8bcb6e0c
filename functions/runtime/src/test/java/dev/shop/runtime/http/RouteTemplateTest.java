package dev.shop.runtime.http;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTemplateTest {

    private final RouteTemplate cartItem = RouteTemplate.parse("/carts/{cartId}/items/{sku}");

    @Test
    void matchesAndNamesEveryPathParameter() {
        assertThat(cartItem.match("/carts/c-1/items/SKU-9"))
                .contains(Map.of("cartId", "c-1", "sku", "SKU-9"));
    }

    @Test
    void decodesPercentEncodedParameters() {
        assertThat(cartItem.match("/carts/my%20cart/items/A%2FB%C3%A9"))
                .contains(Map.of("cartId", "my cart", "sku", "A/Bé"));
    }

    @Test
    void keepsPlusLiteralInPathSegments() {
        assertThat(cartItem.match("/carts/c+1/items/A+B%2B"))
                .contains(Map.of("cartId", "c+1", "sku", "A+B+"));
    }

    @Test
    void ignoresOneTrailingSlash() {
        assertThat(cartItem.match("/carts/c-1/items/SKU-9/")).contains(Map.of("cartId", "c-1", "sku", "SKU-9"));
        assertThat(RouteTemplate.parse("/products").match("/products/")).contains(Map.of());
        assertThat(RouteTemplate.parse("/products/").match("/products")).contains(Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/carts/c-1/items", "/carts/c-1/items/SKU-9/extra", "/carts", "/"})
    void doesNotMatchAnotherNumberOfSegments(String path) {
        assertThat(cartItem.match(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/carts/c-1/item/SKU-9", "/Carts/c-1/items/SKU-9", "/carts//items/SKU-9",
            "/carts/c-1/items/"})
    void doesNotMatchOtherLiteralsOrEmptyParameters(String path) {
        assertThat(cartItem.match(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/carts/%zz/items/SKU-9", "/carts/c-1/items/100%", "/carts/c-1/items/%E2%8"})
    void doesNotMatchMalformedPercentEncodingInsteadOfFailing(String path) {
        assertThat(cartItem.match(path)).isEmpty();
    }

    @Test
    void matchesTheRootOnlyByItself() {
        RouteTemplate root = RouteTemplate.parse("/");

        assertThat(root.match("/")).contains(Map.of());
        assertThat(root.match("/products")).isEmpty();
    }

    @Test
    void refusesTemplateWithoutLeadingSlash() {
        assertThatThrownBy(() -> RouteTemplate.parse("products/{sku}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("products/{sku}");
    }
}
