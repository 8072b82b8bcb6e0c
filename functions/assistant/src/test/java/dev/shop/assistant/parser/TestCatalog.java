package dev.shop.assistant.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;

/** The unit tests' own small catalog (src/test/resources/test-catalog.json), not the evaluation set. */
public final class TestCatalog {

    private TestCatalog() {
    }

    public static ProductIndex index() {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = TestCatalog.class.getResourceAsStream("/test-catalog.json")) {
            JsonNode root = mapper.readTree(in);
            ProductIndex index = new ProductIndex();
            for (JsonNode p : root.path("products")) {
                index.upsert(mapper.treeToValue(p, CatalogProduct.class), 1);
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
