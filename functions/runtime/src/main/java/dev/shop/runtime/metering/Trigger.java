package dev.shop.runtime.metering;

/** What invoked a function: an HTTP request, a Kafka event or a scheduled timer. */
public enum Trigger {
    HTTP, KAFKA, SCHEDULE
}
