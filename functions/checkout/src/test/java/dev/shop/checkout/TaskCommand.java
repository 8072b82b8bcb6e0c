package dev.shop.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventType;

/**
 * A command the saga sent to a participant, as it sits in the checkout's outbox.
 *
 * @param outboxId   the outbox row, in the order the saga sent its commands
 * @param topic      the Kafka topic it goes to
 * @param checkoutId the message key: the checkout (execution) it belongs to
 * @param envelope   the decoded envelope; {@code data} is the command record
 * @param data       the command as JSON, for assertions
 */
public record TaskCommand(long outboxId, String topic, String checkoutId, EventEnvelope<?> envelope, JsonNode data) {

    public String type() {
        return envelope.type();
    }

    public boolean is(EventType<?> type) {
        return type.name().equals(envelope.type());
    }

    /** The token the participant must return in its reply. */
    public String taskToken() {
        return data.get("taskToken").asText();
    }

    @SuppressWarnings("unchecked")
    public <T> T as(EventType<T> type) {
        if (!is(type)) {
            throw new AssertionError("expected a " + type.name() + " command but it is " + envelope.type());
        }
        return (T) envelope.data();
    }

    /** The participant module that consumes it, as the reply's source. */
    public String participant() {
        String type = envelope.type();
        if (type.startsWith("shop.inventory.")) {
            return "/functions/inventory";
        }
        if (type.startsWith("shop.payment.")) {
            return "/functions/payment";
        }
        if (type.startsWith("shop.order.")) {
            return "/functions/order";
        }
        return "/functions/cart";
    }
}
