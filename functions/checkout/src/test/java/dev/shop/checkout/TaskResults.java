package dev.shop.checkout;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;

/**
 * The saga's participants in tests: answers a command with a real {@code TaskSucceeded}/{@code TaskFailed} event on
 * the task-results topic, as inventory, payment, order and cart do through their outboxes (keyed by checkout id,
 * subject the command's correlation id, event-id and event-type headers).
 */
public class TaskResults implements AutoCloseable {

    public static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The consumer name the checkout's engine records replies under in {@code processed_events}. */
    public static final String ENGINE_CONSUMER = "workflow:checkout";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final EventCodec codec;
    private final Jdbi jdbi;

    TaskResults(String bootstrap, String topic, EventCodec codec, Jdbi jdbi) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "checkout-tests-participants");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.codec = codec;
        this.jdbi = jdbi;
    }

    /** The participant did the task: {@code SendTaskSuccess} with this output. */
    public EventEnvelope<TaskSucceeded> succeed(TaskCommand command, Map<String, Object> output) {
        return publish(command.checkoutId(), success(command, command.taskToken(), output));
    }

    /** The participant could not do the task: {@code SendTaskFailure} with this error. */
    public EventEnvelope<TaskFailed> fail(TaskCommand command, String error, String cause) {
        return publish(command.checkoutId(), failure(command, command.taskToken(), error, cause));
    }

    /** A success reply to the command carrying {@code taskToken} (its own or another), not yet published. */
    public static EventEnvelope<TaskSucceeded> success(TaskCommand command, String taskToken, Map<String, Object> output) {
        return EventEnvelope.of(EventTypes.TASK_SUCCEEDED, command.participant(), command.envelope().subject(),
                new TaskSucceeded(taskToken, output));
    }

    /** A failure reply to the command carrying {@code taskToken} (its own or another), not yet published. */
    public static EventEnvelope<TaskFailed> failure(TaskCommand command, String taskToken, String error, String cause) {
        return EventEnvelope.of(EventTypes.TASK_FAILED, command.participant(), command.envelope().subject(),
                new TaskFailed(taskToken, error, cause));
    }

    /** Publishes the reply (again, for a redelivery) and returns once Kafka has acknowledged it. */
    public <T> EventEnvelope<T> publish(String checkoutId, EventEnvelope<T> reply) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, checkoutId, codec.encode(reply));
        record.headers().add("event-id", reply.id().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", reply.type().getBytes(StandardCharsets.UTF_8));
        send(record);
        return reply;
    }

    /** Publishes bytes that are no event at all, as a broken participant might. */
    public void publishRaw(String key, byte[] payload) {
        send(new ProducerRecord<>(topic, key, payload));
    }

    /** Waits until the engine has recorded the reply as handled, whether it changed anything or not. */
    public void awaitHandled(EventEnvelope<?> reply) {
        await("engine handling reply " + reply.id()).atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> timesRecorded(reply) > 0);
    }

    /** How often the engine recorded the reply's event id as processed: 0 or 1. */
    public long timesRecorded(EventEnvelope<?> reply) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from processed_events where consumer = :consumer and event_id = :id")
                .bind("consumer", ENGINE_CONSUMER)
                .bind("id", reply.id())
                .mapTo(Long.class)
                .one());
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the reply", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
