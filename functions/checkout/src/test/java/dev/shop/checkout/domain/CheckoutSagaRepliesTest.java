package dev.shop.checkout.domain;

import static dev.shop.checkout.TestCarts.aCart;
import static dev.shop.checkout.TestCarts.aCartWithItems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.checkout.CartParticipant;
import dev.shop.checkout.CheckoutApi;
import dev.shop.checkout.CheckoutOnRealServers;
import dev.shop.checkout.Metering;
import dev.shop.checkout.SagaCommands;
import dev.shop.checkout.TaskCommand;
import dev.shop.checkout.TaskResults;
import dev.shop.checkout.TestCarts;
import dev.shop.events.ClearCart;
import dev.shop.events.CreateOrder;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProcessPayment;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The checkout saga driven the way its participants drive it: the test answers each command the saga sends with a
 * real {@code TaskSucceeded}/{@code TaskFailed} event on the task-results topic, carrying the token of the
 * checkout's latest command, and {@code advanceCheckout} moves the saga on.
 */
@CheckoutOnRealServers
class CheckoutSagaRepliesTest {

    private static final String FREEZE = "shop.cart.freeze.v1";
    private static final String RESERVE = "shop.inventory.reserve.v1";
    private static final String PAYMENT = "shop.payment.process.v1";
    private static final String ORDER = "shop.order.create.v1";
    private static final String COMMIT = "shop.inventory.commit.v1";
    private static final String CLEAR = "shop.cart.clear.v1";
    private static final String RELEASE = "shop.inventory.release.v1";
    private static final String RELEASE_CART = "shop.cart.release.v1";

    @Autowired
    CheckoutApi api;
    @Autowired
    CartParticipant carts;
    @Autowired
    SagaCommands commands;
    @Autowired
    TaskResults participants;
    @Autowired
    Metering metering;

    @Test
    void happyPathEndsSucceededWithTheOrder() {
        TestCarts cart = aCart().withLine(2, 1299).withLine(3, 500).currency("EUR");
        carts.register(cart);
        CheckoutApi.Started started = api.start(cart.cartId());
        String checkoutId = started.checkoutId();

        participants.succeed(commands.awaitLatest(checkoutId, EventTypes.RESERVE_INVENTORY),
                Map.of("reservationId", "res_1"));

        TaskCommand payment = commands.awaitLatest(checkoutId, EventTypes.PROCESS_PAYMENT);
        ProcessPayment pay = payment.as(EventTypes.PROCESS_PAYMENT);
        assertThat(pay.checkoutId()).isEqualTo(checkoutId);
        assertThat(pay.amountCents()).isEqualTo(2 * 1299 + 3 * 500).isEqualTo(cart.totalCents());
        assertThat(pay.currency()).isEqualTo("EUR");
        assertThat(pay.customerId()).isEqualTo(started.body().customerId());
        assertThat(pay.paymentToken()).isEqualTo(started.body().paymentToken());
        assertThat(payment.envelope().subject()).isEqualTo(started.correlationId());
        participants.succeed(payment, Map.of("paymentId", "pay_1"));

        TaskCommand order = commands.awaitLatest(checkoutId, EventTypes.CREATE_ORDER);
        CreateOrder create = order.as(EventTypes.CREATE_ORDER);
        assertThat(create.lines()).containsExactlyElementsOf(cart.lines());
        assertThat(create.totalCents()).isEqualTo(cart.totalCents());
        assertThat(create.customerId()).isEqualTo(started.body().customerId());
        participants.succeed(order, Map.of("orderId", "ord_x"));

        participants.succeed(commands.awaitLatest(checkoutId, EventTypes.COMMIT_INVENTORY), Map.of());

        TaskCommand clear = commands.awaitLatest(checkoutId, EventTypes.CLEAR_CART);
        ClearCart clearCart = clear.as(EventTypes.CLEAR_CART);
        assertThat(clearCart.cartId()).isEqualTo(cart.cartId());
        assertThat(clearCart.checkoutId()).isEqualTo(checkoutId);
        assertThat(clearCart.lines()).as("what was bought").containsExactlyElementsOf(cart.stockLines());
        participants.succeed(clear, Map.of());

        JsonNode checkout = api.awaitStatus(checkoutId, "SUCCEEDED");
        assertThat(checkout.get("orderId").asText()).isEqualTo("ord_x");
        assertThat(checkout.get("currentState").asText()).isEqualTo("CheckoutCompleted");
        assertThat(checkout.has("error")).isFalse();
        assertThat(checkout.get("history").findValuesAsText("type")).last().isEqualTo("ExecutionSucceeded");
        assertThat(commands.typesOf(checkoutId)).containsExactly(FREEZE, RESERVE, PAYMENT, ORDER, COMMIT, CLEAR);
        assertThat(commands.of(checkoutId)).extracting(TaskCommand::topic).containsExactly(
                "shop.freeze-cart.v1", "shop.reserve-inventory.v1", "shop.process-payment.v1", "shop.create-order.v1",
                "shop.commit-inventory.v1", "shop.clear-cart.v1");
        assertThat(commands.of(checkoutId)).extracting(TaskCommand::taskToken).doesNotHaveDuplicates();
    }

    @Test
    void declinedPaymentReleasesTheStockAndFails() {
        String checkoutId = startedCheckout();
        participants.succeed(commands.awaitLatest(checkoutId, EventTypes.RESERVE_INVENTORY),
                Map.of("reservationId", "res_2"));

        participants.fail(commands.awaitLatest(checkoutId, EventTypes.PROCESS_PAYMENT), "Payment.Declined",
                "The card was declined");

        TaskCommand release = commands.awaitLatest(checkoutId, EventTypes.RELEASE_INVENTORY);
        assertThat(release.as(EventTypes.RELEASE_INVENTORY).checkoutId()).isEqualTo(checkoutId);
        assertThat(api.describe(checkoutId).get("status").asText()).as("until the stock is released").isEqualTo("RUNNING");
        participants.succeed(release, Map.of());
        TaskCommand releaseCart = commands.awaitLatest(checkoutId, EventTypes.RELEASE_CART);
        assertThat(releaseCart.as(EventTypes.RELEASE_CART).checkoutId()).isEqualTo(checkoutId);
        assertThat(api.describe(checkoutId).get("status").asText()).as("until the cart is let go").isEqualTo("RUNNING");
        participants.succeed(releaseCart, Map.of("released", true));

        JsonNode checkout = api.awaitStatus(checkoutId, "FAILED");
        assertThat(checkout.get("error").asText()).isEqualTo("Checkout.PaymentDeclined");
        assertThat(checkout.get("cause").asText()).isNotBlank();
        assertThat(checkout.has("orderId")).isFalse();
        assertThat(checkout.get("history").findValuesAsText("type")).last().isEqualTo("ExecutionFailed");
        assertThat(commands.typesOf(checkoutId)).as("nothing was charged: no refund").containsExactly(
                FREEZE, RESERVE, PAYMENT, RELEASE, RELEASE_CART);
    }

    @Test
    void outOfStockLetsTheCartGoAndFailsWithoutOtherCompensation() {
        TestCarts cart = aCartWithItems();
        carts.register(cart);
        String checkoutId = api.start(cart.cartId()).checkoutId();

        participants.fail(commands.awaitLatest(checkoutId, EventTypes.RESERVE_INVENTORY), "Inventory.OutOfStock",
                "Not enough stock");
        participants.succeed(commands.awaitLatest(checkoutId, EventTypes.RELEASE_CART), Map.of("released", true));

        JsonNode checkout = api.awaitStatus(checkoutId, "FAILED");
        assertThat(checkout.get("error").asText()).isEqualTo("Checkout.OutOfStock");
        assertThat(checkout.get("currentState").asText()).isEqualTo("OutOfStock");
        assertThat(commands.typesOf(checkoutId)).containsExactly(FREEZE, RESERVE, RELEASE_CART);
        // The failed checkout no longer holds the cart: it can be checked out again.
        assertThat(api.start(cart.cartId()).checkoutId()).isNotEqualTo(checkoutId);
    }

    @Test
    void redeliveredReplyChangesNothing() {
        CheckoutApi.Started started = api.start(cartWithItems());
        String checkoutId = started.checkoutId();
        EventEnvelope<TaskSucceeded> reply = participants.succeed(
                commands.awaitLatest(checkoutId, EventTypes.RESERVE_INVENTORY), Map.of("reservationId", "res_3"));
        commands.awaitLatest(checkoutId, EventTypes.PROCESS_PAYMENT);
        // The cart's reply and the reservation's.
        metering.awaitRows("advanceCheckout", started.correlationId(), 2);
        JsonNode before = api.describe(checkoutId);

        participants.publish(checkoutId, reply);

        // The redelivery was consumed (metered once more under the checkout's correlation id)...
        assertThat(metering.awaitRows("advanceCheckout", started.correlationId(), 3))
                .extracting(r -> r.get("outcome")).containsExactly("SUCCESS", "SUCCESS", "SUCCESS");
        // ...and changed nothing.
        assertThat(participants.timesRecorded(reply)).isEqualTo(1);
        assertUnchanged(checkoutId, before);
        assertThat(commands.typesOf(checkoutId)).containsExactly(FREEZE, RESERVE, PAYMENT);
    }

    @Test
    void replyWithStaleTokenChangesNothing() {
        String checkoutId = startedCheckout();
        TaskCommand reserve = commands.awaitLatest(checkoutId, EventTypes.RESERVE_INVENTORY);
        participants.succeed(reserve, Map.of("reservationId", "res_4"));
        TaskCommand payment = commands.awaitLatest(checkoutId, EventTypes.PROCESS_PAYMENT);
        JsonNode before = api.describe(checkoutId);

        // A late answer to the step already done: were it applied, the checkout would fail out of stock.
        EventEnvelope<TaskFailed> stale = participants.publish(checkoutId,
                TaskResults.failure(reserve, reserve.taskToken(), "Inventory.OutOfStock", "late"));
        EventEnvelope<TaskSucceeded> unknown = participants.publish(checkoutId,
                TaskResults.success(payment, checkoutId + ":ProcessPayment:1:not-a-real-token", Map.of()));
        participants.awaitHandled(stale);
        participants.awaitHandled(unknown);

        assertUnchanged(checkoutId, before);
        assertThat(commands.typesOf(checkoutId)).containsExactly(FREEZE, RESERVE, PAYMENT);
        // The outstanding token still works.
        participants.succeed(payment, Map.of("paymentId", "pay_4"));
        assertThat(commands.awaitLatest(checkoutId, EventTypes.CREATE_ORDER).checkoutId()).isEqualTo(checkoutId);
    }

    private void assertUnchanged(String checkoutId, JsonNode before) {
        JsonNode after = api.describe(checkoutId);
        assertThat(after.get("status").asText()).isEqualTo("RUNNING");
        assertThat(after.get("currentState").asText()).isEqualTo("ProcessPayment");
        assertThat(after.get("history")).isEqualTo(before.get("history"));
        assertThat(after.get("updatedAt")).isEqualTo(before.get("updatedAt"));
    }

    private String startedCheckout() {
        return api.start(cartWithItems()).checkoutId();
    }

    private String cartWithItems() {
        TestCarts cart = aCartWithItems();
        carts.register(cart);
        return cart.cartId();
    }
}
