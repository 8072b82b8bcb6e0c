package dev.shop.payment.aws;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ProcessPayment;
import dev.shop.local.servers.RealServersInitializer;
import dev.shop.payment.PaymentApplication;
import dev.shop.payment.PaymentCommands;
import dev.shop.payment.domain.Payments;
import dev.shop.payment.domain.SimulatedPaymentProvider;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.testing.Deliveries;
import dev.shop.testing.LambdaFunctionHost;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.shop.payment.PaymentCommands.aCharge;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment module as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with
 * the lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class PaymentApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Bearer " + RealServersInitializer.ADMIN_TOKEN;

    @RegisterExtension
    static final LambdaFunctionHost lambda = LambdaFunctionHost.of("payment", PaymentApplication.class, "paymentApi");

    private static Jdbi database;

    @BeforeAll
    static void openDatabase() {
        // The Lambda's own database and schema, which its boot has migrated.
        database = lambda.database("payment");
    }

    @Test
    void servesCapturedPaymentFromRecordedEvent() throws IOException {
        PaymentCommands charge = aCharge().amountCents(30799);
        EventEnvelope<ProcessPayment> command = charge.envelope();
        // Charged as processPayment's own Lambda would be, by an MSK batch, on the database this Lambda reads.
        Deliveries.deliver(lambda.context().getBean(Invocations.class), "processPayment", command);

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

    private static JsonNode invoke(String checkoutId, String authorization) {
        return lambda.invoke("events/apigw-get-payment.json",
                Map.of("checkoutId", checkoutId, "authorization", authorization));
    }
}
