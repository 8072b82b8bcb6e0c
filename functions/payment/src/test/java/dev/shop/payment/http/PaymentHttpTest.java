package dev.shop.payment.http;

import static dev.shop.local.servers.RealServersInitializer.ADMIN_TOKEN;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.payment.PaymentCommands;
import dev.shop.payment.PaymentOnRealServers;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.HttpRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;

import static dev.shop.payment.PaymentCommands.aCharge;
import static dev.shop.payment.PaymentCommands.refundOf;
import static dev.shop.testing.Deliveries.deliver;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /payments/{checkoutId}: an admin's view of a checkout's payment and its ledger. */
@PaymentOnRealServers
class PaymentHttpTest {

    @Autowired
    HttpApi paymentHttpApi;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    Consumer<Message<byte[]>> processPayment;
    @Autowired
    Consumer<Message<byte[]>> refundPayment;

    @Test
    void showsPaymentWithItsLedgerEntries() throws Exception {
        PaymentCommands charge = aCharge().amountCents(1999);
        deliver(processPayment, charge.envelope());
        deliver(refundPayment, refundOf(charge.checkoutId()));

        HttpResponse response = paymentHttpApi.handle(HttpRequestBuilder.get("/payments/" + charge.checkoutId()).asAdmin(ADMIN_TOKEN)
                .build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", "application/json");
        JsonNode payment = mapper.readTree(response.body());
        assertThat(payment.get("checkoutId").asText()).isEqualTo(charge.checkoutId());
        assertThat(payment.get("paymentId").asText()).startsWith("pay_");
        assertThat(payment.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(payment.get("amountCents").asLong()).isEqualTo(1999);
        assertThat(payment.get("currency").asText()).isEqualTo("USD");
        assertThat(payment.get("attempts").asInt()).isEqualTo(1);
        assertThat(payment.get("providerReference").asText()).startsWith("sim_ch_");
        assertThat(payment.get("ledger").findValuesAsText("kind")).containsExactly("CHARGE", "REFUND");
        assertThat(payment.get("ledger").findValuesAsText("amountCents")).containsExactly("1999", "1999");
    }

    @Test
    void answers404ProblemForUnknownCheckout() throws Exception {
        HttpResponse response = paymentHttpApi.handle(
                HttpRequestBuilder.get("/payments/" + PaymentCommands.uniqueCheckoutId()).asAdmin(ADMIN_TOKEN).build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.get("detail").asText()).startsWith("No payment for checkout chk-");
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/requests/bad-payment-requests.csv")
    void answersBadRequestsWithProblems(String description, String method, String path, String authorization,
                                        int status, String type) throws Exception {
        HttpRequestBuilder request = HttpRequestBuilder.request(method, path.replace("${longId}", "c".repeat(129)));
        if (authorization != null) {
            request.header("authorization", authorization);
        }

        HttpResponse response = paymentHttpApi.handle(request.build());

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception");
    }
}
