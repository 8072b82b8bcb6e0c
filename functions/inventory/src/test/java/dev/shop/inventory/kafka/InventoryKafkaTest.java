package dev.shop.inventory.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.shop.events.CommitInventory;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ReserveInventory;
import dev.shop.events.TaskSucceeded;
import dev.shop.inventory.Commands;
import dev.shop.inventory.InventoryOnRealServers;
import dev.shop.inventory.Stockroom;
import dev.shop.inventory.domain.Stock;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static dev.shop.inventory.Commands.reserve;
import static dev.shop.inventory.Commands.uniqueCheckoutId;
import static org.assertj.core.api.Assertions.assertThat;

/** The saga's path end to end: a command on its Kafka topic, the reply on the task results topic. */
@InventoryOnRealServers
class InventoryKafkaTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Autowired
    ApplicationContext context;
    @Autowired
    EventCodec codec;
    @Autowired
    FunctionManifest manifest;
    @Value("${shop.kafka.bootstrap}")
    String bootstrap;

    Stockroom stockroom;
    KafkaTestClient kafka;

    @BeforeEach
    void open() {
        stockroom = new Stockroom(context);
        kafka = new KafkaTestClient(bootstrap);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void reservesAndCommitsThroughKafka() throws Exception {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        EventEnvelope<ReserveInventory> reserveCommand = reserve(checkoutId).line(sku, 2).build();
        EventEnvelope<CommitInventory> commitCommand = Commands.commit(checkoutId);
        KafkaTestClient.TopicReader results = kafka.reader(manifest.topicName("task-results"));

        kafka.publishRaw(manifest.topicName("reserve-inventory"), checkoutId, codec.encode(reserveCommand));
        EventEnvelope<?> reserved = decode(results.awaitRecords(checkoutId, 1, DEADLINE).getFirst());
        kafka.publishRaw(manifest.topicName("commit-inventory"), checkoutId, codec.encode(commitCommand));
        EventEnvelope<?> committed = decode(results.awaitRecords(checkoutId, 2, DEADLINE).getLast());

        assertThat(reserved.subject()).isEqualTo(reserveCommand.subject());
        assertThat(reserved.data()).isInstanceOfSatisfying(TaskSucceeded.class, succeeded -> {
            assertThat(succeeded.taskToken()).isEqualTo(reserveCommand.data().taskToken());
            assertThat(succeeded.output()).containsEntry("reservationId", checkoutId).containsKey("expiresAt");
        });
        assertThat(committed.data()).isInstanceOfSatisfying(TaskSucceeded.class, succeeded ->
                assertThat(succeeded.taskToken()).isEqualTo(commitCommand.data().taskToken()));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 0));
    }

    @Test
    void sendsPoisonCommandToDeadLetterTopicAtOnce() throws Exception {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        EventEnvelope<ReserveInventory> valid = reserve(checkoutId).line(sku, 1).build();
        String topic = manifest.topicName("reserve-inventory");
        KafkaTestClient.TopicReader deadLetters = kafka.reader("error." + topic + ".reserveInventory");
        KafkaTestClient.TopicReader results = kafka.reader(manifest.topicName("task-results"));
        byte[] garbage = "{not an event".getBytes(StandardCharsets.UTF_8);

        // Same key, same partition: the valid command waits behind the poison one.
        kafka.publishRaw(topic, checkoutId, garbage);
        kafka.publishRaw(topic, checkoutId, codec.encode(valid));

        List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitRecords(checkoutId, 1, DEADLINE);
        List<ConsumerRecord<String, byte[]>> replies = results.awaitRecords(checkoutId, 1, DEADLINE);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(garbage);
        assertThat(((TaskSucceeded) decode(replies.getFirst()).data()).taskToken())
                .isEqualTo(valid.data().taskToken());
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 4, 1));
    }

    private EventEnvelope<?> decode(ConsumerRecord<String, byte[]> record) {
        return codec.decode(record.value());
    }
}
