package dev.shop.runtime.invocation;

/**
 * Whether the process stays up between invocations ({@code shop.runtime.mode}). Background threads (the outbox
 * relay, the metering writer, local schedules) run only where it does; on Lambda, which freezes the process
 * between invocations, each trigger flushes before it returns and a schedule sweeps what is left.
 */
public enum InvocationMode {
    /** The local stack, Knative, a test: background threads relay and write. */
    LONG_RUNNING,
    /** AWS Lambda: nothing runs between invocations. */
    PER_INVOCATION
}
