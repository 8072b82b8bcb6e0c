package dev.shop.inventory.domain;

/**
 * What handling one delivery of a command did. Kafka delivers at least once: a command whose event id was
 * already handled changes nothing and replies nothing, it is only acknowledged.
 */
public sealed interface Delivery<O> {

    /** The command was applied; its reply went to the outbox with the change. */
    record Applied<O>(O outcome) implements Delivery<O> {
    }

    /** This event id was handled before. */
    record Redelivered<O>(String eventId) implements Delivery<O> {
    }
}
