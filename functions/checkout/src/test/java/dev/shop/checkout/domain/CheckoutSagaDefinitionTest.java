package dev.shop.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.workflow.ExecutionStatus;
import dev.shop.workflow.InMemoryExecution;
import dev.shop.workflow.TaskRequest;
import dev.shop.workflow.definition.StateMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code checkout.asl.json} on the workflow's pure interpreter, in memory: no broker, no database. Each path of the
 * saga as its participants answer it; the integration tests run the same definition on the real servers.
 */
class CheckoutSagaDefinitionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final StateMachine CHECKOUT = StateMachine.load("workflows/checkout.asl.json");

    @Test
    void happyPathBuysWhatTheCartSaidAndEndsWithTheOrder() {
        InMemoryExecution saga = start();

        answer(saga, "freezeCart", cart());
        TaskRequest reserve = expect(saga, "reserveInventory");
        assertThat(reserve.payload().get("lines")).isEqualTo(cart().get("stockLines"));
        answer(saga, "reserveInventory", json(Map.of("reservationId", "chk_1")));
        TaskRequest payment = expect(saga, "processPayment");
        assertThat(payment.payload().get("amountCents").asLong()).isEqualTo(2598);
        assertThat(payment.payload().get("currency").asText()).isEqualTo("EUR");
        answer(saga, "processPayment", json(Map.of("paymentId", "pay_1")));
        assertThat(expect(saga, "createOrder").payload().get("lines")).isEqualTo(cart().get("lines"));
        answer(saga, "createOrder", json(Map.of("orderId", "ord_1")));
        answer(saga, "commitInventory", json(Map.of()));
        assertThat(expect(saga, "clearCart").payload().get("lines")).isEqualTo(cart().get("stockLines"));
        answer(saga, "clearCart", json(Map.of("cleared", true)));

        assertThat(saga.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(saga.output().get("orderId").asText()).isEqualTo("ord_1");
        assertThat(functions(saga)).containsExactly("freezeCart", "reserveInventory", "processPayment", "createOrder",
                "commitInventory", "clearCart");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Cart.NotFound,       Checkout.CartNotFound",
            "Cart.Empty,          Checkout.CartEmpty",
            "Cart.VersionMismatch, Checkout.CartChanged",
            "Cart.InCheckout,     Checkout.CartInCheckout"})
    void aCartThatWillNotBeBoughtEndsTheCheckoutAtOnceInTheCartsWords(String cartError, String checkoutError) {
        InMemoryExecution saga = start();

        saga.fail(cartError, "what the cart says");

        assertThat(saga.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(saga.error()).isEqualTo(checkoutError);
        assertThat(saga.cause()).isEqualTo("what the cart says");
        assertThat(functions(saga)).as("nothing held or charged").containsExactly("freezeCart");
    }

    @Test
    void aCartThatNeverAnswersIsLetGoAndTheCheckoutSaysSo() {
        InMemoryExecution saga = start();

        for (int attempt = 0; attempt < 6; attempt++) {
            saga.timeOut();
        }
        answer(saga, "releaseCart", json(Map.of("released", false)));

        assertThat(saga.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(saga.error()).isEqualTo("Checkout.CartUnavailable");
        assertThat(functions(saga)).as("five retries, then the hold a late answer took is let go")
                .containsExactly("freezeCart", "freezeCart", "freezeCart", "freezeCart", "freezeCart", "freezeCart",
                        "releaseCart");
    }

    @Test
    void outOfStockLetsTheCartGoAndChargesNothing() {
        InMemoryExecution saga = start();
        answer(saga, "freezeCart", cart());

        saga.fail("Inventory.OutOfStock", "Not enough stock for SKU MUG");
        answer(saga, "releaseCart", json(Map.of("released", true)));

        assertThat(saga.error()).isEqualTo("Checkout.OutOfStock");
        assertThat(functions(saga)).containsExactly("freezeCart", "reserveInventory", "releaseCart");
    }

    @Test
    void aDeclinedPaymentReleasesStockAndCart() {
        InMemoryExecution saga = reservedAndCharging();

        saga.fail("Payment.Declined", "The card was declined");
        answer(saga, "releaseInventory", json(Map.of("released", true)));
        answer(saga, "releaseCart", json(Map.of("released", true)));

        assertThat(saga.error()).isEqualTo("Checkout.PaymentDeclined");
        assertThat(functions(saga)).endsWith("processPayment", "releaseInventory", "releaseCart")
                .doesNotContain("refundPayment");
    }

    @Test
    void anUnavailablePaymentProviderIsRetriedThenTheCheckoutGoesOn() {
        InMemoryExecution saga = reservedAndCharging();

        saga.fail("Payment.Unavailable", "try again");
        answer(saga, "processPayment", json(Map.of("paymentId", "pay_2")));

        assertThat(saga.currentState()).isEqualTo("CreateOrder");
        assertThat(functions(saga)).containsSubsequence("processPayment", "processPayment", "createOrder");
    }

    @Test
    void aRejectedOrderRefundsThenReleasesStockAndCartInReverseOrder() {
        InMemoryExecution saga = reservedAndCharging();
        answer(saga, "processPayment", json(Map.of("paymentId", "pay_3")));

        saga.fail("Order.Rejected", "the order could not be recorded");
        answer(saga, "refundPayment", json(Map.of("refunded", true)));
        answer(saga, "releaseInventory", json(Map.of("released", true)));
        answer(saga, "releaseCart", json(Map.of("released", true)));

        assertThat(saga.error()).isEqualTo("Checkout.OrderRejected");
        assertThat(functions(saga)).endsWith("createOrder", "refundPayment", "releaseInventory", "releaseCart");
    }

    @Test
    void aRefundThatKeepsFailingEndsInCompensationFailedForOperators() {
        InMemoryExecution saga = reservedAndCharging();
        answer(saga, "processPayment", json(Map.of("paymentId", "pay_4")));
        saga.fail("Order.Rejected", "the order could not be recorded");

        for (int attempt = 0; attempt <= 10; attempt++) {
            saga.fail("Payment.Unavailable", "the provider is down");
        }

        assertThat(saga.error()).isEqualTo("Checkout.CompensationFailed");
        assertThat(functions(saga).stream().filter("refundPayment"::equals)).hasSize(11);
    }

    @Test
    void theOrderStandsWhenTheCartCannotBeEmptied() {
        InMemoryExecution saga = reservedAndCharging();
        answer(saga, "processPayment", json(Map.of("paymentId", "pay_5")));
        answer(saga, "createOrder", json(Map.of("orderId", "ord_5")));
        answer(saga, "commitInventory", json(Map.of()));

        for (int attempt = 0; attempt <= 5; attempt++) {
            saga.fail("Cart.Unavailable", "the cart is down");
        }

        assertThat(saga.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(saga.output().get("orderId").asText()).isEqualTo("ord_5");
    }

    @Test
    void aCompensatingCartReleaseThatFailsStillEndsWithTheRealReason() {
        InMemoryExecution saga = reservedAndCharging();
        saga.fail("Payment.Declined", "The card was declined");
        answer(saga, "releaseInventory", json(Map.of("released", true)));

        for (int attempt = 0; attempt <= 5; attempt++) {
            saga.fail("Cart.Unavailable", "the cart is down");
        }

        assertThat(saga.error()).as("the hold runs out by itself").isEqualTo("Checkout.PaymentDeclined");
    }

    private static InMemoryExecution start() {
        ObjectNode input = JSON.createObjectNode();
        input.put("checkoutId", "chk_1");
        input.put("cartId", "cart-1");
        input.put("customerId", "cus-1");
        input.put("paymentToken", "tok_visa");
        input.putNull("cartVersion");
        InMemoryExecution saga = InMemoryExecution.start(CHECKOUT, "chk_1", input);
        assertThat(expect(saga, "freezeCart").payload().get("cartId").asText()).isEqualTo("cart-1");
        return saga;
    }

    private static InMemoryExecution reservedAndCharging() {
        InMemoryExecution saga = start();
        answer(saga, "freezeCart", cart());
        answer(saga, "reserveInventory", json(Map.of("reservationId", "chk_1")));
        expect(saga, "processPayment");
        return saga;
    }

    /** What the cart answers FreezeCart with: 2 mugs at 12.99 EUR. */
    private static JsonNode cart() {
        return json(Map.of("cartVersion", 3, "currency", "EUR", "totalCents", 2598,
                "lines", List.of(Map.of("sku", "MUG", "name", "Mug", "quantity", 2, "unitPriceCents", 1299)),
                "stockLines", List.of(Map.of("sku", "MUG", "quantity", 2))));
    }

    private static TaskRequest expect(InMemoryExecution saga, String function) {
        TaskRequest task = saga.outstandingTask().orElseThrow(() -> new AssertionError(
                "the saga waits for no task; it is " + saga.status() + " in " + saga.currentState()));
        assertThat(task.functionName()).isEqualTo(function);
        return task;
    }

    private static void answer(InMemoryExecution saga, String function, JsonNode output) {
        expect(saga, function);
        saga.succeed(output);
    }

    private static List<String> functions(InMemoryExecution saga) {
        return saga.tasks().stream().map(TaskRequest::functionName).toList();
    }

    private static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }
}
