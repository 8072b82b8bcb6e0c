package dev.shop.order.aws;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.CreateOrder;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.order.OrderApplication;
import dev.shop.order.domain.Orders;
import dev.shop.order.domain.OrderIds;
import dev.shop.order.domain.OrderOutcome;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.testing.LambdaFunctionHost;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.shop.order.OrderCommands.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order module as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with
 * the lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class OrderApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LambdaFunctionHost lambda = LambdaFunctionHost.of("order", OrderApplication.class, "orderApi");

    private static Jdbi database;

    @BeforeAll
    static void openDatabase() {
        // The Lambda's own database and schema, which its boot has migrated.
        database = lambda.database("order");
    }

    @Test
    void servesOrderFromRecordedEvent() throws IOException {
        EventEnvelope<CreateOrder> command = anOrder().envelope();
        // Recorded as createOrder's own Lambda would record it, on the database this Lambda reads.
        Orders orders = lambda.context().getBean(Orders.class);
        OrderOutcome.Placed placed = (OrderOutcome.Placed) database.inTransaction(h -> orders.create(h, command));

        JsonNode response = invoke(placed.orderId());

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/json");
        JsonNode order = JSON.readTree(response.get("body").asText());
        assertThat(order.get("orderId").asText()).isEqualTo(placed.orderId());
        assertThat(order.get("checkoutId").asText()).isEqualTo(command.data().checkoutId());
        assertThat(order.get("lines").findValuesAsText("sku")).containsExactly("MUG-RED", "PEN-BLUE");
    }

    @Test
    void answersProblemDetailsForUnknownOrder() throws IOException {
        JsonNode response = invoke(OrderIds.next());

        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.get("body").asText()).get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void answersProblemDetailsForMalformedOrderId() throws IOException {
        JsonNode response = invoke("not-an-order");

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.get("body").asText()).get("errors").get(0).get("field").asText())
                .isEqualTo("orderId");
    }

    private static JsonNode invoke(String orderId) {
        return lambda.invoke("events/apigw-get-order.json", Map.of("orderId", orderId));
    }
}
