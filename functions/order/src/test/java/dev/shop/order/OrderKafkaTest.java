package dev.shop.order;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import dev.shop.order.domain.Orders;
import dev.shop.order.domain.OrderLookup;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.testing.Fixtures;
import dev.shop.testing.KafkaTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end on the real broker: CreateOrder on shop.create-order.v1, the reply on shop.task-results.v1 by checkout. */
@OrderOnRealServers
class OrderKafkaTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Autowired
    FunctionManifest manifest;
    @Autowired
    EventCodec codec;
    @Autowired
    Orders orders;
    @Value("${shop.kafka.bootstrap}")
    String bootstrap;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
        kafka.reader(manifest.topicName("task-results"));
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void recordsOrderFromKafkaCommand() {
        String checkoutId = "chk-" + UUID.randomUUID();
        String taskToken = "task-" + UUID.randomUUID();

        kafka.publishRaw(manifest.topicName("create-order"), checkoutId,
                command(checkoutId, OrderCommands.uniqueCustomerId(), taskToken, "corr-order"));
        EventEnvelope<?> reply = reply(checkoutId, taskToken);

        assertThat(reply.type()).isEqualTo("shop.task.succeeded.v1");
        assertThat(reply.subject()).isEqualTo("corr-order");
        String orderId = (String) ((TaskSucceeded) reply.data()).output().get("orderId");
        OrderLookup.Found found = (OrderLookup.Found) orders.find(orderId);
        assertThat(found.order().checkoutId()).isEqualTo(checkoutId);
        assertThat(found.order().totalCents()).isEqualTo(30799);
        assertThat(found.order().currency()).isEqualTo("EUR");
        assertThat(found.order().lines()).hasSize(2);
    }

    @Test
    void rejectsOrderOfRejectedCustomerThroughKafka() {
        String checkoutId = "chk-" + UUID.randomUUID();
        String taskToken = "task-" + UUID.randomUUID();

        kafka.publishRaw(manifest.topicName("create-order"), checkoutId,
                command(checkoutId, OrderCommands.REJECTED_CUSTOMER, taskToken, "corr-rejected"));
        EventEnvelope<?> reply = reply(checkoutId, taskToken);

        assertThat(reply.type()).isEqualTo("shop.task.failed.v1");
        assertThat(((TaskFailed) reply.data()).error()).isEqualTo("Order.Rejected");
    }

    private EventEnvelope<?> reply(String checkoutId, String taskToken) {
        return codec.decode(kafka.awaitValue(manifest.topicName("task-results"), checkoutId,
                bytes -> new String(bytes).contains(taskToken), DEADLINE));
    }

    private static String command(String checkoutId, String customerId, String taskToken, String correlationId) {
        return Fixtures.read("/commands/create-order.json", Map.of("eventId", UUID.randomUUID().toString(),
                "checkoutId", checkoutId, "customerId", customerId, "taskToken", taskToken,
                "correlationId", correlationId));
    }
}
