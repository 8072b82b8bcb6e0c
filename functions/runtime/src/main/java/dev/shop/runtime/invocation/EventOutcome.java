package dev.shop.runtime.invocation;

/** What the invocation layer did with one delivered event. */
public sealed interface EventOutcome {

    /** The function handled it; {@code result} is what its rule answered (its outcome), null for a plain rule. */
    record Handled(String eventId, Object result) implements EventOutcome {

        public Handled(String eventId) {
            this(eventId, null);
        }
    }

    /** This event id was handled before: nothing was done again (at-least-once delivery). */
    record Redelivered(String eventId) implements EventOutcome {
    }

    /** A type the topic carries but this function does not take: acknowledged, nothing to do. */
    record Ignored(String eventId, String type) implements EventOutcome {
    }

    /**
     * A message no retry can fix (not an event, or a type the topic does not carry): set aside, never retried.
     * {@code reason} is for operators' logs.
     */
    record Rejected(String reason) implements EventOutcome {
    }
}
