package dev.shop.runtime.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.shop.runtime.manifest.FunctionManifest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records every invocation once: a Micrometer timer for operators and an {@link InvocationRecord} for
 * finance, handed to the {@link MeteringWriter} so the request never waits on the write.
 */
public class InvocationMeter {

    private final FunctionManifest manifest;
    private final MeteringSink writer;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String module;
    /** Functions the runtime adds to every module, deployed from the manifest's modules rather than its functions. */
    public static final Set<String> RUNTIME_FUNCTIONS = Set.of("sweepOutbox");
    // The first invocation of a function in this JVM (or after a CRaC restore) is a cold start.
    private final Set<String> warm = ConcurrentHashMap.newKeySet();
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public InvocationMeter(FunctionManifest manifest, MeteringSink writer, MeterRegistry registry, Clock clock) {
        this(manifest, writer, registry, clock, null);
    }

    /**
     * @param module the module whose runtime functions (such as {@code sweepOutbox}, which are in no manifest entry)
     *               this meter also records, at the memory Lambda reports ({@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE})
     */
    public InvocationMeter(FunctionManifest manifest, MeteringSink writer, MeterRegistry registry, Clock clock,
                           String module) {
        this.manifest = manifest;
        this.writer = writer;
        this.registry = registry;
        this.clock = clock;
        this.module = module;
    }

    public Invocation start(String function, Trigger trigger, String correlationId) {
        FunctionManifest.FunctionSpec spec = manifest.function(function)
                .or(() -> runtimeFunction(function))
                .orElseThrow(() -> new IllegalArgumentException("function " + function + " is not in the manifest"));
        boolean cold = warm.add(function);
        return new Invocation(spec, trigger, correlationId, cold, clock.instant(), System.nanoTime());
    }

    private java.util.Optional<FunctionManifest.FunctionSpec> runtimeFunction(String function) {
        if (module == null || !RUNTIME_FUNCTIONS.contains(function)) {
            return java.util.Optional.empty();
        }
        String memory = System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        int memoryMb = memory == null ? 256 : Integer.parseInt(memory);
        return java.util.Optional.of(new FunctionManifest.FunctionSpec(function, module, memoryMb, 60, null, null,
                null));
    }

    // Registering runs the registry's filters and id lookup; once per tag set is enough, not once per call.
    private Timer timer(TimerKey key) {
        return timers.computeIfAbsent(key, k -> Timer.builder("shop.function.invocations")
                .description("Function invocations and their duration")
                .tag("function", k.function())
                .tag("outcome", k.outcome().name())
                .tag("trigger", k.trigger().name())
                .tag("cold", Boolean.toString(k.cold()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry));
    }

    private record TimerKey(String function, Outcome outcome, Trigger trigger, boolean cold) {
    }

    /** After a restore from a snapshot the next invocation of each function pays the restore: count it cold. */
    public void markAllCold() {
        warm.clear();
    }

    /** An invocation under way; {@link #end} records it exactly once. */
    public final class Invocation {
        private final FunctionManifest.FunctionSpec spec;
        private final Trigger trigger;
        private final String correlationId;
        private final boolean cold;
        private final Instant startedAt;
        private final long startNanos;
        private boolean ended;

        private Invocation(FunctionManifest.FunctionSpec spec, Trigger trigger, String correlationId, boolean cold,
                           Instant startedAt, long startNanos) {
            this.spec = spec;
            this.trigger = trigger;
            this.correlationId = correlationId;
            this.cold = cold;
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        public boolean coldStart() {
            return cold;
        }

        public synchronized void end(Outcome outcome) {
            if (ended) {
                return;
            }
            ended = true;
            long nanos = System.nanoTime() - startNanos;
            timer(new TimerKey(spec.name(), outcome, trigger, cold)).record(nanos, TimeUnit.NANOSECONDS);
            writer.submit(new InvocationRecord(spec.name(), spec.module(), startedAt,
                    TimeUnit.NANOSECONDS.toMicros(nanos), spec.memoryMb(), cold, outcome, trigger, correlationId));
        }
    }
}
