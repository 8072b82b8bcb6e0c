package dev.shop.order.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.CreateOrder;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.local.servers.RealServersInitializer;
import dev.shop.order.domain.OrderBook;
import dev.shop.order.domain.OrderIds;
import dev.shop.order.domain.OrderOutcome;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static dev.shop.order.OrderCommands.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order module as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with
 * the lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class OrderApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> previous = new HashMap<>();
    private static FunctionInvoker lambda;
    private static Jdbi database;

    @BeforeAll
    static void bootLikeLambda() {
        Map<String, Object> properties = new HashMap<>(RealServersInitializer.properties("order"));
        properties.put("MAIN_CLASS", "dev.shop.order.OrderApplication");
        properties.put("spring.profiles.active", "lambda");
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, String.valueOf(v))));
        lambda = new FunctionInvoker("orderApi");
        database = schema(properties, "order");
    }

    @AfterAll
    static void restoreSystemProperties() {
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void servesOrderFromRecordedEvent() throws IOException {
        EventEnvelope<CreateOrder> command = anOrder().envelope();
        // Recorded the way createOrder's own Lambda would, on the database this Lambda reads.
        OrderOutcome.Placed placed = (OrderOutcome.Placed) new OrderBook(database, new Outbox(new EventCodec()),
                "shop.task-results.v1", List.of()).create(command.id(), command.subject(), command.data())
                .orElseThrow();

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

    private static JsonNode invoke(String orderId) throws IOException {
        String event = fixture("apigw-get-order.json").replace("${orderId}", orderId)
                .replace("${correlationId}", UUID.randomUUID().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lambda.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = OrderApiGatewayTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The Lambda's own database and schema, which its boot has migrated. */
    private static Jdbi schema(Map<String, Object> properties, String schema) {
        Properties login = new Properties();
        if (properties.get("spring.datasource.username") != null) {
            login.setProperty("user", String.valueOf(properties.get("spring.datasource.username")));
        }
        if (properties.get("spring.datasource.password") != null) {
            login.setProperty("password", String.valueOf(properties.get("spring.datasource.password")));
        }
        String url = String.valueOf(properties.get("spring.datasource.url"));
        return Jdbi.create(() -> {
            Connection connection = DriverManager.getConnection(url, login);
            connection.setSchema(schema);
            return connection;
        });
    }
}
