package dev.shop.runtime.invocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.MalformedEventException;
import dev.shop.runtime.inbox.ProcessedEvents;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every invocation of a module's functions takes, whatever triggered it: an HTTP request, a Kafka
 * record (a Stream binding or an MSK batch), a CloudEvent over HTTP, a schedule. It meters each invocation once,
 * decodes events with the {@code events} contracts, applies one poison policy, dedupes, and runs the function's
 * rule; the trigger adapter then calls {@link #afterInvocation()} once, which on a platform that freezes the
 * process between invocations (Lambda) publishes the outbox and writes the metering rows before the adapter
 * returns.
 *
 * <p>Poison policy: a payload that is no event, or an event of a type none of the function's topics carries, is
 * {@link EventOutcome.Rejected} (set aside, never retried); a type the topic carries but the function does not
 * take is {@link EventOutcome.Ignored}. Anything else that fails is an infrastructure failure and is thrown, for
 * the trigger to retry.
 */
public class Invocations {

    private static final Logger log = LoggerFactory.getLogger(Invocations.class);

    private final FunctionManifest manifest;
    private final EventCodec codec;
    private final InvocationMeter meter;
    private final Jdbi jdbi;
    private final InvocationMode mode;
    private final List<AfterInvocation> afterInvocation;
    private final Map<String, EventFunction> eventFunctions = new ConcurrentHashMap<>();

    public Invocations(FunctionManifest manifest, EventCodec codec, InvocationMeter meter, Jdbi jdbi,
                       InvocationMode mode, List<AfterInvocation> afterInvocation) {
        this.manifest = manifest;
        this.codec = codec;
        this.meter = meter;
        this.jdbi = jdbi;
        this.mode = mode;
        this.afterInvocation = List.copyOf(afterInvocation);
    }

    public InvocationMode mode() {
        return mode;
    }

    /** Makes an event function reachable by its manifest name; the runtime does this for every such bean. */
    public void register(String name, EventFunction function) {
        if (manifest.function(name).filter(f -> !f.consumes().isEmpty()).isEmpty()) {
            throw new IllegalStateException("event function " + name + " consumes no topic in the function manifest");
        }
        function.bind(name, this);
        eventFunctions.put(name, function);
    }

    public Optional<EventFunction> eventFunction(String name) {
        return Optional.ofNullable(eventFunctions.get(name));
    }

    /** The event function consuming this topic (its Kafka name), if this module has one. */
    public Optional<EventFunction> eventFunctionOfTopic(String topicName) {
        return eventFunctions.values().stream()
                .filter(f -> manifest.function(f.name()).orElseThrow().consumes().stream()
                        .anyMatch(key -> manifest.topicName(key).equals(topicName)))
                .findFirst();
    }

    /**
     * Delivers one event, as bytes from whichever trigger, to the named function. Returns what was done with it;
     * throws when the function failed for a reason a retry may fix (the invocation is metered as an error).
     */
    public EventOutcome deliver(String function, byte[] payload, Trigger trigger) {
        EventFunction target = eventFunctions.get(function);
        if (target == null) {
            throw new IllegalArgumentException("no event function " + function + " in this module");
        }
        EventEnvelope<?> event;
        try {
            event = codec.decode(payload);
        } catch (MalformedEventException e) {
            return rejected(function, trigger, null, "rejected a malformed event: " + e.getMessage());
        }
        if (!target.takes(event.type())) {
            if (!carried(function, event.type())) {
                return rejected(function, trigger, event.subject(), "unexpected event type " + event.type()
                        + " (event " + event.id() + ")");
            }
            meter.start(function, trigger, event.subject()).end(Outcome.SUCCESS);
            return new EventOutcome.Ignored(event.id(), event.type());
        }
        InvocationMeter.Invocation invocation = meter.start(function, trigger, event.subject());
        try {
            EventOutcome outcome = target.transactional(event.type())
                    ? jdbi.inTransaction(handle -> {
                        if (!ProcessedEvents.firstDelivery(handle, function, event.id())) {
                            return new EventOutcome.Redelivered(event.id());
                        }
                        return new EventOutcome.Handled(event.id(), target.handle(handle, event));
                    })
                    : handlePlain(target, event);
            invocation.end(Outcome.SUCCESS);
            return outcome;
        } catch (RuntimeException e) {
            invocation.end(Outcome.ERROR);
            throw e;
        }
    }

    private static EventOutcome handlePlain(EventFunction target, EventEnvelope<?> event) {
        target.handle(event);
        return new EventOutcome.Handled(event.id());
    }

    /**
     * Runs one invocation of a function that is not an event function (an HTTP operation, a scheduled job),
     * metered with the outcome {@code outcomeOf} reads from its result.
     */
    public <T> T run(String function, Trigger trigger, String correlationId, Supplier<T> work,
                     Function<T, Outcome> outcomeOf) {
        InvocationMeter.Invocation invocation = meter.start(function, trigger, correlationId);
        try {
            T result = work.get();
            invocation.end(outcomeOf.apply(result));
            return result;
        } catch (RuntimeException e) {
            invocation.end(Outcome.ERROR);
            throw e;
        }
    }

    /**
     * The trigger adapter's last step. Where the process is frozen between invocations, nothing may be left for a
     * background thread: the outbox is published and metering rows written now (a scheduled sweep catches what a
     * failure here leaves). Where the process stays up, background threads do that and this does nothing.
     */
    public void afterInvocation() {
        if (mode != InvocationMode.PER_INVOCATION) {
            return;
        }
        for (AfterInvocation step : afterInvocation) {
            try {
                step.afterInvocation();
            } catch (RuntimeException e) {
                // The invocation's own work committed; what is left unflushed the scheduled sweep publishes.
                log.warn("after invocation: {} failed, left for the scheduled sweep: {}", step.name(), e.toString());
            }
        }
    }

    private boolean carried(String function, String type) {
        return manifest.function(function).orElseThrow().consumes().stream()
                .anyMatch(topic -> manifest.carriedBy(topic).contains(type));
    }

    private EventOutcome rejected(String function, Trigger trigger, String correlationId, String reason) {
        meter.start(function, trigger, correlationId).end(Outcome.REJECTED);
        log.warn("{}: {}", function, reason);
        return new EventOutcome.Rejected(reason);
    }
}
