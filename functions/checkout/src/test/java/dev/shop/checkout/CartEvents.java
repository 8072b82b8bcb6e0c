package dev.shop.checkout;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.shop.checkout.domain.CartSnapshot;
import dev.shop.checkout.domain.CartSnapshots;
import dev.shop.events.CartChanged;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;

/**
 * The cart's side of the cart-events topic in tests: publishes {@code CartChanged} envelopes to the real Kafka
 * exactly as the cart's outbox relay does (keyed by cart id, with event-id and event-type headers), and waits
 * until the checkout's {@code syncCheckoutCarts} consumer has put them into its replica.
 */
public class CartEvents implements AutoCloseable {

    public static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The consumer name {@code syncCheckoutCarts} records its events under in {@code processed_events}. */
    public static final String CONSUMER = "syncCheckoutCarts";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final EventCodec codec;
    private final CartSnapshots carts;
    private final Jdbi jdbi;

    CartEvents(String bootstrap, String topic, EventCodec codec, CartSnapshots carts, Jdbi jdbi) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "checkout-tests-cart");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.codec = codec;
        this.carts = carts;
        this.jdbi = jdbi;
    }

    /** Publishes the event (again, if it was published before) and returns once Kafka has acknowledged it. */
    public EventEnvelope<CartChanged> publish(EventEnvelope<CartChanged> event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.data().cartId(), codec.encode(event));
        record.headers().add("event-id", event.id().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + event.type(), e);
        }
        return event;
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
        await("processing of cart event " + event.id()).atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveriesRecorded(event) > 0);
    }

    /** How often the event is recorded in the consumer's processed-events table: 0 or 1. */
    public long deliveriesRecorded(EventEnvelope<?> event) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from processed_events where consumer = :consumer and event_id = :id")
                .bind("consumer", CONSUMER)
                .bind("id", event.id())
                .mapTo(Long.class)
                .one());
    }

    /** What the checkout's replica holds of the cart. */
    public Optional<CartSnapshot> snapshot(String cartId) {
        return jdbi.inTransaction(h -> carts.lock(h, cartId));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
