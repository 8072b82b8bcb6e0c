package dev.shop.payment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.TaskSucceeded;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.testing.Fixtures;
import dev.shop.testing.KafkaTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end on the real broker: commands on their topics, replies on shop.task-results.v1 keyed by checkout. */
@PaymentOnRealServers
class PaymentKafkaTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Autowired
    FunctionManifest manifest;
    @Autowired
    EventCodec codec;
    @Value("${shop.kafka.bootstrap}")
    String bootstrap;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
        kafka.reader(manifest.topicName("task-results"));
        kafka.reader("error.shop.process-payment.v1.processPayment");
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void chargesAndRefundsThroughKafka() {
        String checkoutId = PaymentCommands.uniqueCheckoutId();
        String chargeToken = "task-" + UUID.randomUUID();
        String refundToken = "task-" + UUID.randomUUID();

        kafka.publishRaw(manifest.topicName("process-payment"), checkoutId, command("/commands/process-payment.json",
                checkoutId, chargeToken, "corr-charge"));
        EventEnvelope<?> charged = reply(checkoutId, chargeToken);
        kafka.publishRaw(manifest.topicName("refund-payment"), checkoutId, command("/commands/refund-payment.json",
                checkoutId, refundToken, "corr-refund"));
        EventEnvelope<?> refunded = reply(checkoutId, refundToken);

        assertThat(charged.type()).isEqualTo("shop.task.succeeded.v1");
        assertThat(charged.subject()).isEqualTo("corr-charge");
        Map<String, Object> payment = ((TaskSucceeded) charged.data()).output();
        assertThat(payment.get("paymentId")).asString().startsWith("pay_");
        assertThat(payment.get("amountCents")).isEqualTo(30799);
        assertThat(refunded.subject()).isEqualTo("corr-refund");
        assertThat(((TaskSucceeded) refunded.data()).output())
                .containsEntry("refunded", true)
                .containsEntry("paymentId", payment.get("paymentId"));
    }

    @Test
    void sendsUnreadableCommandToDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();

        kafka.publishRaw(manifest.topicName("process-payment"), key, "{\"not\": \"an envelope\"");

        byte[] dead = kafka.awaitValue("error.shop.process-payment.v1.processPayment", key, value -> true, DEADLINE);
        assertThat(new String(dead)).isEqualTo("{\"not\": \"an envelope\"");
    }

    private EventEnvelope<?> reply(String checkoutId, String taskToken) {
        byte[] value = kafka.awaitValue(manifest.topicName("task-results"), checkoutId,
                bytes -> new String(bytes).contains(taskToken), DEADLINE);
        return codec.decode(value);
    }

    private static String command(String fixture, String checkoutId, String taskToken, String correlationId) {
        return Fixtures.read(fixture, Map.of("eventId", UUID.randomUUID().toString(),
                "checkoutId", checkoutId, "taskToken", taskToken, "correlationId", correlationId));
    }
}
