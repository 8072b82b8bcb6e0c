package dev.shop.testing;

import java.util.function.Consumer;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.runtime.invocation.EventOutcome;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.metering.Trigger;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Hands an event to an event function as a trigger does: to its Stream consumer, encoded in a message, as the Kafka
 * binder would; or through the invocation layer directly, to see what it did with the delivery.
 */
public final class Deliveries {

    private static final EventCodec CODEC = new EventCodec();

    private Deliveries() {
    }

    public static void deliver(Consumer<Message<byte[]>> function, EventEnvelope<?> event) {
        function.accept(MessageBuilder.withPayload(CODEC.encode(event))
                .setHeader("event-id", event.id())
                .build());
    }

    /** Delivers the event, encoded, to the named event function; what the invocation layer did with it. */
    public static EventOutcome deliver(Invocations invocations, String function, EventEnvelope<?> event) {
        return invocations.deliver(function, CODEC.encode(event), Trigger.KAFKA);
    }
}
