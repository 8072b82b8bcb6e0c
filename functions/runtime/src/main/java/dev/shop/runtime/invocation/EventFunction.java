package dev.shop.runtime.invocation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventType;
import dev.shop.runtime.metering.Trigger;
import org.jdbi.v3.core.Handle;
import org.springframework.messaging.Message;

/**
 * A function triggered by events: the event types it takes and its rule for each. A module declares one as a bean
 * named after the manifest function; every trigger (a Kafka record through a Spring Cloud Stream binding, a record
 * of an MSK batch on Lambda, a CloudEvent POSTed by Knative Eventing) hands the event to {@link Invocations}, which
 * decodes it, applies the one poison policy, dedupes, meters and calls the rule here.
 *
 * <pre>{@code
 * @Bean
 * public EventFunction reserveInventory(Reservations reservations) {
 *     return EventFunction.inTransaction(EventTypes.RESERVE_INVENTORY, reservations::reserve);
 * }
 * }</pre>
 *
 * As a {@code Consumer<Message<byte[]>>} it is what Spring Cloud Stream binds to the function's topic.
 */
public final class EventFunction implements Consumer<Message<byte[]>> {

    private record Rule(EventHandler<Object> plain, TransactionalEventHandler<Object> transactional) {
    }

    private final Map<String, Rule> rules;
    private volatile String name;
    private volatile Invocations invocations;

    private EventFunction(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** A function taking {@code type}, whose rule keeps no state in Postgres. */
    public static <T> EventFunction on(EventType<T> type, EventHandler<T> handler) {
        return new EventFunction(new LinkedHashMap<>()).and(type, handler);
    }

    /** A function taking {@code type}, whose rule runs in one transaction with the event's de-duplication. */
    public static <T> EventFunction inTransaction(EventType<T> type, TransactionalEventHandler<T> handler) {
        return new EventFunction(new LinkedHashMap<>()).andInTransaction(type, handler);
    }

    /** Also takes {@code type}, with a rule that keeps no state in Postgres. */
    @SuppressWarnings("unchecked")
    public <T> EventFunction and(EventType<T> type, EventHandler<T> handler) {
        return add(type, new Rule((EventHandler<Object>) (EventHandler<?>) handler, null));
    }

    /** Also takes {@code type}, with a rule that runs in one transaction with the event's de-duplication. */
    @SuppressWarnings("unchecked")
    public <T> EventFunction andInTransaction(EventType<T> type, TransactionalEventHandler<T> handler) {
        return add(type, new Rule(null, (TransactionalEventHandler<Object>) (TransactionalEventHandler<?>) handler));
    }

    private EventFunction add(EventType<?> type, Rule rule) {
        if (rules.putIfAbsent(type.name(), rule) != null) {
            throw new IllegalArgumentException("a function takes " + type.name() + " once");
        }
        return this;
    }

    /** The versioned event type names it takes. */
    public Set<String> eventTypes() {
        return Set.copyOf(rules.keySet());
    }

    /** The manifest function it is; known once the runtime bound it. */
    public String name() {
        return name;
    }

    boolean takes(String type) {
        return rules.containsKey(type);
    }

    boolean transactional(String type) {
        return rules.get(type).transactional() != null;
    }

    @SuppressWarnings("unchecked")
    void handle(EventEnvelope<?> event) {
        rules.get(event.type()).plain().handle((EventEnvelope<Object>) event);
    }

    @SuppressWarnings("unchecked")
    Object handle(Handle handle, EventEnvelope<?> event) {
        return rules.get(event.type()).transactional().handle(handle, (EventEnvelope<Object>) event);
    }

    void bind(String name, Invocations invocations) {
        this.name = name;
        this.invocations = invocations;
    }

    /**
     * One Kafka record from a Stream binding. A message no retry can fix is thrown as a {@link PoisonEventException}
     * (the binder sends it to the dead-letter topic at once); an infrastructure failure is rethrown for the binder
     * to retry.
     */
    @Override
    public void accept(Message<byte[]> message) {
        Invocations bound = invocations;
        if (bound == null) {
            throw new IllegalStateException("event function is not bound to the runtime yet");
        }
        EventOutcome outcome = bound.deliver(name, message.getPayload(), Trigger.KAFKA);
        bound.afterInvocation();
        if (outcome instanceof EventOutcome.Rejected rejected) {
            throw new PoisonEventException(name + ": " + rejected.reason(), null);
        }
    }
}
