package dev.shop.assistant.execute;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ORDER_STATUS answers in a shopper's words, not with the API's JSON. */
class DescribeOrdersTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void describesOrdersInWords() throws Exception {
        ProductIndex index = new ProductIndex();
        index.upsert(new CatalogProduct("MUG-RED", "Ceramic Mug", "Potter", "kitchen", "red", null, 1250, null,
                List.of()), 1);
        PlanExecutor executor = new PlanExecutor(null, null, index, null, Duration.ofSeconds(1),
                java.time.Clock.systemUTC(), (plan, result) -> { });

        String text = executor.describeOrders(mapper.readTree("""
                {"items": [{"orderId": "ord_1", "status": "CONFIRMED", "totalCents": 2500, "currency": "USD",
                  "createdAt": "2026-11-20T10:00:00Z", "lines": [{"sku": "MUG-RED", "quantity": 2}]}],
                 "nextCursor": null}"""));

        assertThat(text).isEqualTo("Your latest order is order ord_1 (placed 2026-11-20): "
                + "2 × Potter Ceramic Mug (red), 25.00 USD, confirmed");
        assertThat(text).doesNotContain("{").doesNotContain("\"");
        assertThat(executor.describeOrders(mapper.readTree("{\"items\": []}"))).isEqualTo("You have no orders yet");
    }
}
