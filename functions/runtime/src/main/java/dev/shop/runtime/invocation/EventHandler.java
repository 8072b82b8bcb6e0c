package dev.shop.runtime.invocation;

import dev.shop.events.EventEnvelope;

/** A function's rule for one event type, when it keeps no state of its own in Postgres (a cache, an index). */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(EventEnvelope<T> event);
}
