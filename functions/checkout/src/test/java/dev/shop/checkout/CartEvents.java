package dev.shop.checkout;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import dev.shop.checkout.domain.CartSnapshot;
import dev.shop.checkout.domain.CartSnapshots;
import dev.shop.events.CartChanged;
import dev.shop.events.EventEnvelope;
import dev.shop.testing.KafkaTestClient;
import dev.shop.testing.ProcessedEventsProbe;
import org.jdbi.v3.core.Jdbi;

/**
 * The cart's side of the cart-events topic in tests: publishes {@code CartChanged} envelopes to the real Kafka
 * exactly as the cart's outbox relay does (keyed by cart id, with event-id and event-type headers), and waits
 * until the checkout's {@code syncCheckoutCarts} consumer has put them into its replica.
 */
public class CartEvents implements AutoCloseable {

    public static final Duration DEADLINE = KafkaTestClient.DEADLINE;
    /** The consumer name {@code syncCheckoutCarts} records its events under in {@code processed_events}. */
    public static final String CONSUMER = "syncCheckoutCarts";

    private final KafkaTestClient kafka;
    private final String topic;
    private final CartSnapshots carts;
    private final Jdbi jdbi;
    private final ProcessedEventsProbe processed;

    CartEvents(String bootstrap, String topic, CartSnapshots carts, Jdbi jdbi) {
        this.kafka = new KafkaTestClient(bootstrap, "checkout-tests-cart");
        this.topic = topic;
        this.carts = carts;
        this.jdbi = jdbi;
        this.processed = new ProcessedEventsProbe(jdbi, CONSUMER);
    }

    /** Publishes the event (again, if it was published before) and returns once Kafka has acknowledged it. */
    public EventEnvelope<CartChanged> publish(EventEnvelope<CartChanged> event) {
        return kafka.publish(topic, event.data().cartId(), event);
    }

    /** Publishes the cart at its version and waits until the checkout's replica holds that version. */
    public CartSnapshot publishCart(TestCarts cart) {
        publish(cart.changed());
        return awaitVersion(cart.cartId(), cart.version());
    }

    /** Publishes the cart's deletion at its version and waits until the replica holds it. */
    public CartSnapshot publishDeletion(TestCarts cart) {
        publish(cart.deleted());
        return awaitVersion(cart.cartId(), cart.version());
    }

    /** Waits until the replica holds the cart at {@code version} or later. */
    public CartSnapshot awaitVersion(String cartId, long version) {
        return await("replica of " + cartId + " at version " + version).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> snapshot(cartId), s -> s.isPresent() && s.get().version() >= version)
                .orElseThrow();
    }

    /** Waits until {@code syncCheckoutCarts} has recorded the event as processed, whether it changed anything or not. */
    public void awaitProcessed(EventEnvelope<?> event) {
        processed.awaitRecorded("processing of cart event " + event.id(), event.id(), DEADLINE);
    }

    /** How often the event is recorded in the consumer's processed-events table: 0 or 1. */
    public long deliveriesRecorded(EventEnvelope<?> event) {
        return processed.timesRecorded(event.id());
    }

    /** What the checkout's replica holds of the cart. */
    public Optional<CartSnapshot> snapshot(String cartId) {
        return jdbi.inTransaction(h -> carts.lock(h, cartId));
    }

    @Override
    public void close() {
        kafka.close();
    }
}
