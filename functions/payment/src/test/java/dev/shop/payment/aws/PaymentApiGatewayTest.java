package dev.shop.payment.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ProcessPayment;
import dev.shop.local.servers.RealServersInitializer;
import dev.shop.payment.PaymentCommands;
import dev.shop.payment.domain.PaymentProcessor;
import dev.shop.payment.domain.SimulatedPaymentProvider;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static dev.shop.payment.PaymentCommands.aCharge;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment module as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with
 * the lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class PaymentApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> previous = new HashMap<>();
    private static final String ADMIN = "Bearer " + RealServersInitializer.ADMIN_TOKEN;
    private static FunctionInvoker lambda;
    private static Jdbi database;

    @BeforeAll
    static void bootLikeLambda() {
        Map<String, Object> properties = new HashMap<>(RealServersInitializer.properties("payment"));
        properties.put("MAIN_CLASS", "dev.shop.payment.PaymentApplication");
        properties.put("spring.profiles.active", "lambda");
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, String.valueOf(v))));
        lambda = new FunctionInvoker("paymentApi");
        database = schema(properties, "payment");
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
    void servesCapturedPaymentFromRecordedEvent() throws IOException {
        PaymentCommands charge = aCharge().amountCents(30799);
        EventEnvelope<ProcessPayment> command = charge.envelope();
        // Charged the way processPayment's own Lambda would, on the database this Lambda reads.
        new PaymentProcessor(database, new Outbox(new EventCodec()), "shop.task-results.v1",
                SimulatedPaymentProvider.deterministic()).process(command.id(), command.subject(), command.data());

        JsonNode response = invoke(charge.checkoutId(), ADMIN);

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode payment = JSON.readTree(response.get("body").asText());
        assertThat(payment.get("checkoutId").asText()).isEqualTo(charge.checkoutId());
        assertThat(payment.get("status").asText()).isEqualTo("CAPTURED");
        assertThat(payment.get("amountCents").asLong()).isEqualTo(30799);
        assertThat(payment.get("ledger").findValuesAsText("kind")).containsExactly("CHARGE");
    }

    @Test
    void answersProblemDetailsForUnknownCheckout() throws IOException {
        JsonNode response = invoke(PaymentCommands.uniqueCheckoutId(), ADMIN);

        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.get("body").asText()).get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void refusesRequestWithoutAdminToken() throws IOException {
        JsonNode response = invoke(PaymentCommands.uniqueCheckoutId(), "");

        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
    }

    private static JsonNode invoke(String checkoutId, String authorization) throws IOException {
        String event = fixture("apigw-get-payment.json").replace("${checkoutId}", checkoutId)
                .replace("${authorization}", authorization)
                .replace("${correlationId}", UUID.randomUUID().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lambda.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PaymentApiGatewayTest.class.getResourceAsStream("/events/" + name)) {
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
