package dev.shop.runtime.invocation;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;

/**
 * A function a schedule triggers (the manifest's {@code schedule}): its job returns how many things it advanced.
 * A module declares one as a bean named after the manifest function; on Lambda an EventBridge schedule invokes it,
 * where the process stays up the runtime runs it on a local timer ({@code shop.schedules.<name>.every}). Either way
 * the invocation is metered and flushed once, by the runtime.
 */
public final class ScheduledFunction implements Supplier<Integer> {

    private final IntSupplier job;
    private volatile String name;
    private volatile Invocations invocations;

    private ScheduledFunction(IntSupplier job) {
        this.job = job;
    }

    public static ScheduledFunction of(IntSupplier job) {
        return new ScheduledFunction(job);
    }

    public String name() {
        return name;
    }

    void bind(String name, Invocations invocations) {
        this.name = name;
        this.invocations = invocations;
    }

    /** One scheduled invocation: metered, then flushed where the process does not stay up. */
    @Override
    public Integer get() {
        Invocations bound = invocations;
        if (bound == null) {
            throw new IllegalStateException("scheduled function is not bound to the runtime yet");
        }
        try {
            return bound.run(name, Trigger.SCHEDULE, null, job::getAsInt, advanced -> Outcome.SUCCESS);
        } finally {
            bound.afterInvocation();
        }
    }
}
