package dev.shop.checkout.domain;

import static dev.shop.checkout.CheckoutBodies.aCheckoutOf;
import static dev.shop.checkout.CheckoutBodies.uniqueKey;
import static dev.shop.checkout.TestCarts.aCart;
import static dev.shop.checkout.TestCarts.aCartWithItems;
import static dev.shop.checkout.TestCarts.uniqueCartId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.shop.checkout.CartEvents;
import dev.shop.checkout.CheckoutFunctionTest;
import dev.shop.checkout.Metering;
import dev.shop.checkout.TestCarts;
import dev.shop.events.CartChanged;
import dev.shop.events.EventEnvelope;
import dev.shop.events.OrderLine;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The checkout's replica of carts: filled from the cart's {@code CartChanged} events by {@code syncCheckoutCarts},
 * newer versions only, each event once; what it holds decides whether a cart can be checked out.
 */
@CheckoutFunctionTest
class CartSnapshotsTest {

    @Autowired
    CartSnapshots snapshots;
    @Autowired
    Checkouts checkouts;
    @Autowired
    CartEvents carts;
    @Autowired
    Metering metering;
    @Autowired
    Jdbi jdbi;

    @Test
    void appliesOnlyVersionsNewerThanHeld() {
        TestCarts cart = aCart();
        CartChanged v1 = cart.withLine(1, 100).version(1).changed().data();
        CartChanged v3 = cart.withLine(2, 200).version(3).changed().data();
        CartChanged v2 = cart.noLines().withLine(9, 900).version(2).changed().data();

        assertThat(apply(v1)).as("first version").isTrue();
        assertThat(apply(v3)).as("newer version").isTrue();
        assertThat(apply(v2)).as("older version").isFalse();
        assertThat(apply(v3)).as("same version again").isFalse();

        CartSnapshot held = carts.snapshot(cart.cartId()).orElseThrow();
        assertThat(held.version()).isEqualTo(3);
        assertThat(held.lines()).isEqualTo(v3.lines());
        assertThat(held.currency()).isEqualTo("EUR");
        assertThat(held.totalCents()).isEqualTo(100 + 2 * 200);
    }

    @Test
    void keepsTheNewestVersionWhenAnOlderEventArrivesLate() {
        TestCarts cart = aCart().withLine(1, 100);
        carts.publishCart(cart);
        List<OrderLine> newest = cart.withLine(4, 250).version(2).lines();
        carts.publishCart(cart);

        EventEnvelope<CartChanged> late = carts.publish(cart.noLines().withLine(7, 70).version(1).changed());
        carts.awaitProcessed(late);

        CartSnapshot held = carts.snapshot(cart.cartId()).orElseThrow();
        assertThat(held.version()).isEqualTo(2);
        assertThat(held.lines()).isEqualTo(newest);
    }

    @Test
    void appliesARedeliveredEventOnce() {
        String correlationId = "cart-redelivery-" + uniqueKey();
        TestCarts cart = aCart().withLine(1, 100).correlationId(correlationId);
        EventEnvelope<CartChanged> event = carts.publish(cart.changed());
        CartSnapshot first = carts.awaitVersion(cart.cartId(), 1);

        carts.publish(event);

        // Consumed twice (metered twice under the event's correlation id), recorded and applied once.
        assertThat(metering.awaitRows("syncCheckoutCarts", correlationId, 2)).extracting(r -> r.get("outcome"))
                .containsExactly("SUCCESS", "SUCCESS");
        assertThat(carts.deliveriesRecorded(event)).isEqualTo(1);
        assertThat(carts.snapshot(cart.cartId())).contains(first);
    }

    @Test
    void deletedCartCountsAsNotFound() {
        TestCarts cart = aCartWithItems();
        carts.publishCart(cart);

        CartSnapshot deleted = carts.publishDeletion(cart.noLines().version(2));

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.lines()).isEmpty();
        assertThat(start(cart.cartId())).isEqualTo(new CheckoutStart.CartNotFound(cart.cartId()));
        // A late, older event does not bring the cart back.
        EventEnvelope<CartChanged> late = carts.publish(cart.withLine(1, 100).version(1).changed());
        carts.awaitProcessed(late);
        assertThat(carts.snapshot(cart.cartId()).orElseThrow().deleted()).isTrue();
        assertThat(start(cart.cartId())).isEqualTo(new CheckoutStart.CartNotFound(cart.cartId()));
    }

    @Test
    void unknownCartIsNotFoundAndEmptiedCartIsEmpty() {
        String unknown = uniqueCartId();
        TestCarts emptied = aCartWithItems();
        carts.publishCart(emptied);
        carts.publishCart(emptied.noLines().version(2));

        assertThat(start(unknown)).isEqualTo(new CheckoutStart.CartNotFound(unknown));
        assertThat(start(emptied.cartId())).isEqualTo(new CheckoutStart.CartEmpty(emptied.cartId()));
    }

    @Test
    void cartWithItemsAgainAfterBeingEmptiedCanBeCheckedOut() {
        TestCarts cart = aCartWithItems();
        carts.publishCart(cart);
        carts.publishCart(cart.noLines().version(2));
        carts.publishCart(cart.withLine(1, 100).version(3));

        assertThat(start(cart.cartId())).isInstanceOf(CheckoutStart.Started.class);
    }

    private boolean apply(CartChanged changed) {
        return jdbi.inTransaction(h -> snapshots.apply(h, changed));
    }

    private CheckoutStart start(String cartId) {
        return checkouts.start(uniqueKey(), aCheckoutOf(cartId).build(), "corr-" + uniqueKey());
    }
}
