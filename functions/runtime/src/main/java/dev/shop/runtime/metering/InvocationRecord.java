package dev.shop.runtime.metering;

import java.time.Instant;

/** One function invocation, as billed: the unit of the pay-per-invocation cost reports. */
public record InvocationRecord(String function, String module, Instant startedAt, long durationMicros,
                               int memoryMb, boolean coldStart, Outcome outcome, Trigger trigger,
                               String correlationId) {
}
