package dev.shop.checkout;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.FreezeCart;
import dev.shop.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;

/**
 * The cart's side of the saga's first step in tests: reads the FreezeCart commands the checkout relays to the real
 * Kafka and answers each, as the cart function would, from the carts the test registered: the cart's lines, or
 * {@code Cart.NotFound}, {@code Cart.Empty}, {@code Cart.VersionMismatch}. A cart the test {@link #silence}s is not
 * answered, as a cart function that is down. Commands of other test contexts' checkouts (the topic is shared)
 * are left to their own participant. Later steps are answered by the test itself through {@link TaskResults}.
 */
public class CartParticipant implements AutoCloseable {

    private final TaskResults replies;
    private final Jdbi jdbi;
    private final EventCodec codec = new EventCodec();
    private final Map<String, TestCarts> carts = new ConcurrentHashMap<>();
    private final Set<String> silenced = ConcurrentHashMap.newKeySet();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread worker;
    private volatile boolean running = true;

    CartParticipant(String bootstrap, String freezeTopic, TaskResults replies, Jdbi jdbi) {
        this.replies = replies;
        this.jdbi = jdbi;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "checkout-tests-cart-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(freezeTopic));
        // Only commands sent from now on are answered: wait until the consumer owns its partitions.
        await("cart participant assigned to " + freezeTopic).atMost(KafkaTestClient.DEADLINE)
                .pollDelay(Duration.ZERO)
                .until(() -> {
                    consumer.poll(Duration.ofMillis(100)).forEach(this::answer);
                    return !consumer.assignment().isEmpty();
                });
        worker = Thread.ofPlatform().daemon().name("checkout-tests-cart").start(this::run);
    }

    /** The cart as the cart function holds it from now on; a later call replaces it (a changed cart). */
    public TestCarts register(TestCarts cart) {
        carts.put(cart.cartId(), cart.copy());
        return cart;
    }

    /** FreezeCart commands for this cart go unanswered, as when the cart function is down. */
    public void silence(String cartId) {
        silenced.add(cartId);
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(this::answer);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void answer(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<FreezeCart> command = codec.decode(record.value(), EventTypes.FREEZE_CART);
        FreezeCart freeze = command.data();
        if (silenced.contains(freeze.cartId()) || !ownCheckout(freeze.checkoutId())) {
            return;
        }
        TaskCommand task = new TaskCommand(0, record.topic(), record.key(), command,
                codec.mapper().valueToTree(freeze));
        TestCarts cart = carts.get(freeze.cartId());
        if (cart == null) {
            replies.fail(task, "Cart.NotFound", "No cart " + freeze.cartId() + " to check out.");
        } else if (freeze.cartVersion() != null && freeze.cartVersion() != cart.version()) {
            replies.fail(task, "Cart.VersionMismatch", "Cart " + cart.cartId() + " changed since version "
                    + freeze.cartVersion() + " (now " + cart.version() + "); review it and check out again.");
        } else if (cart.lines().isEmpty()) {
            replies.fail(task, "Cart.Empty", "Cart " + cart.cartId() + " is empty; add items before checking out.");
        } else {
            replies.succeed(task, cart.purchase());
        }
    }

    private boolean ownCheckout(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery("select exists (select 1 from executions where id = :id)")
                .bind("id", checkoutId).mapTo(Boolean.class).one());
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
