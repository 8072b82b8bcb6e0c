package dev.shop.checkout;

import java.time.Duration;
import java.util.Map;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import dev.shop.testing.KafkaTestClient;
import dev.shop.testing.ProcessedEventsProbe;
import org.jdbi.v3.core.Jdbi;

/**
 * The saga's participants in tests: answers a command with a real {@code TaskSucceeded}/{@code TaskFailed} event on
 * the task-results topic, as inventory, payment, order and cart do through their outboxes (keyed by checkout id,
 * subject the command's correlation id, event-id and event-type headers).
 */
public class TaskResults implements AutoCloseable {

    public static final Duration DEADLINE = KafkaTestClient.DEADLINE;
    /** The consumer name the checkout's engine records replies under in {@code processed_events}. */
    public static final String ENGINE_CONSUMER = "workflow:checkout";

    private final KafkaTestClient kafka;
    private final String topic;
    private final ProcessedEventsProbe processed;

    TaskResults(String bootstrap, String topic, Jdbi jdbi) {
        this.kafka = new KafkaTestClient(bootstrap, "checkout-tests-participants");
        this.topic = topic;
        this.processed = new ProcessedEventsProbe(jdbi, ENGINE_CONSUMER);
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
        return kafka.publish(topic, checkoutId, reply);
    }

    /** Publishes bytes that are no event at all, as a broken participant might. */
    public void publishRaw(String key, byte[] payload) {
        kafka.publishRaw(topic, key, payload);
    }

    /** Waits until the engine has recorded the reply as handled, whether it changed anything or not. */
    public void awaitHandled(EventEnvelope<?> reply) {
        processed.awaitRecorded("engine handling reply " + reply.id(), reply.id(), DEADLINE);
    }

    /** How often the engine recorded the reply's event id as processed: 0 or 1. */
    public long timesRecorded(EventEnvelope<?> reply) {
        return processed.timesRecorded(reply.id());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
