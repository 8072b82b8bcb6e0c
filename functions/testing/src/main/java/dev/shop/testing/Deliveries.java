package dev.shop.testing;

import java.util.function.Consumer;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Hands an event to a consumer function the way the Kafka binder does: encoded, in a message. */
public final class Deliveries {

    private static final EventCodec CODEC = new EventCodec();

    private Deliveries() {
    }

    public static void deliver(Consumer<Message<byte[]>> function, EventEnvelope<?> event) {
        function.accept(MessageBuilder.withPayload(CODEC.encode(event))
                .setHeader("event-id", event.id())
                .build());
    }
}
