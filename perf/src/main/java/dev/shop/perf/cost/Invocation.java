package dev.shop.perf.cost;

import java.time.Instant;

/** One metered invocation, as {@code metering.invocations} holds it. */
public record Invocation(String function, String module, Instant startedAt, long durationMicros, int memoryMb,
                         boolean coldStart, String outcome, String trigger, String correlationId) {

    public boolean http() {
        return "HTTP".equals(trigger);
    }

    public boolean kafka() {
        return "KAFKA".equals(trigger);
    }
}
