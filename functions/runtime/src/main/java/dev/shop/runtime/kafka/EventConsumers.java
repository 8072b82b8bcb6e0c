package dev.shop.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.MalformedEventException;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Builds the Kafka-facing consumer of a function: decodes the envelope, meters the invocation and hands the
 * typed event to the business rule. A message that cannot be decoded is rejected (the binder sends it to
 * the dead-letter topic); an infrastructure failure is rethrown so the binder retries it.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final EventCodec codec;
    private final InvocationMeter meter;

    public EventConsumers(EventCodec codec, InvocationMeter meter) {
        this.codec = codec;
        this.meter = meter;
    }

    public Consumer<Message<byte[]>> consumer(String function, Consumer<EventEnvelope<?>> handler) {
        return message -> {
            EventEnvelope<?> event;
            try {
                event = codec.decode(message.getPayload());
            } catch (MalformedEventException e) {
                InvocationMeter.Invocation invocation = meter.start(function, Trigger.KAFKA, null);
                invocation.end(Outcome.REJECTED);
                log.warn("{}: rejected a malformed event: {}", function, e.getMessage());
                throw new PoisonEventException(function + ": " + e.getMessage(), e);
            }
            InvocationMeter.Invocation invocation = meter.start(function, Trigger.KAFKA, event.subject());
            try {
                handler.accept(event);
                invocation.end(Outcome.SUCCESS);
            } catch (PoisonEventException e) {
                invocation.end(Outcome.REJECTED);
                throw e;
            } catch (RuntimeException e) {
                invocation.end(Outcome.ERROR);
                throw e;
            }
        };
    }

    /** The event's id from its Kafka header, for logs when the payload cannot be read. */
    public static String eventId(Message<byte[]> message) {
        Object id = message.getHeaders().get("event-id");
        return id instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(id);
    }

    /** A message no retry can fix; sent to the dead-letter topic with this reason. */
    public static class PoisonEventException extends RuntimeException {
        public PoisonEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
