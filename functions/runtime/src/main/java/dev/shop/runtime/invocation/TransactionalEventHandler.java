package dev.shop.runtime.invocation;

import dev.shop.events.EventEnvelope;
import org.jdbi.v3.core.Handle;

/**
 * A function's rule for one event type that changes the module's tables. The invocation layer runs it inside one
 * transaction that first records the event id for the function, so a redelivered event does nothing; whatever the
 * rule appends to the outbox (replies, events) commits with its change. What it returns (its outcome) is handed
 * back in {@link EventOutcome.Handled}, for the caller that delivered the event to see.
 */
@FunctionalInterface
public interface TransactionalEventHandler<T> {

    Object handle(Handle handle, EventEnvelope<T> event);
}
