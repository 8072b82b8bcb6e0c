package dev.shop.perf.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drives an {@link Arrival} in one of two ways, and measures only after a warm-up:
 * <ul>
 * <li>open loop: arrivals at a fixed mean rate (Poisson, seeded), each on its own virtual thread, whatever the
 * system's state; a latency counts from the moment the arrival was scheduled, so a slow system cannot hold back
 * the arrivals that would have measured it (no coordinated omission);</li>
 * <li>closed loop: a fixed number of clients, each starting its next arrival when the last ends, to find the most
 * the system sustains.</li>
 * </ul>
 */
public final class LoadDriver {

    private static final int MAX_IN_FLIGHT = 20_000;

    private LoadDriver() {
    }

    public static LoadResult open(String name, double rate, Duration warmup, Duration measure, Duration drain,
                                  long seed, Arrival arrival, Supplier<Map<String, Object>> extra) {
        if (rate <= 0) {
            throw new IllegalArgumentException("the rate must be above 0");
        }
        Latencies latencies = new Latencies();
        LongAdder offered = new LongAdder();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        Random random = new Random(seed);
        double meanGapNanos = 1e9 / rate;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Progress progress = new Progress(name, start, end);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        long next = start;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long intended = next;
            boolean measured = intended >= measureFrom;
            if (measured) {
                offered.increment();
            }
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                inFlight.decrementAndGet();
                if (measured) {
                    latencies.fail("client: over " + MAX_IN_FLIGHT + " arrivals in flight");
                }
            } else {
                threads.execute(() -> {
                    try {
                        Outcome outcome = call(arrival, intended);
                        long done = System.nanoTime();
                        if (measured) {
                            record(latencies, outcome, done - intended);
                            lastCompletion.accumulateAndGet(done, Math::max);
                        }
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
            progress.maybePrint(latencies, inFlight.get());
            next += (long) (-Math.log(1 - random.nextDouble()) * meanGapNanos);
        }
        long unfinished = drain(threads, drain, inFlight);
        double sustainedSeconds = Math.max(measure.toNanos(), lastCompletion.get() - measureFrom) / 1e9;
        return new LoadResult(name, "open", rate, 0, warmup.toMillis() / 1000.0, measure.toMillis() / 1000.0,
                offered.sum(), unfinished, latencies.count() / sustainedSeconds, latencies.summary(),
                extra == null ? Map.of() : new LinkedHashMap<>(extra.get()));
    }

    public static LoadResult closed(String name, int concurrency, Duration warmup, Duration measure,
                                    Arrival arrival, Supplier<Map<String, Object>> extra) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("at least one client");
        }
        Latencies latencies = new Latencies();
        LongAdder offered = new LongAdder();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Progress progress = new Progress(name, start, end);
        AtomicLong inFlight = new AtomicLong();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < concurrency; i++) {
            threads.execute(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    boolean measured = now >= measureFrom;
                    if (measured) {
                        offered.increment();
                    }
                    inFlight.incrementAndGet();
                    Outcome outcome = call(arrival, now);
                    inFlight.decrementAndGet();
                    if (measured) {
                        record(latencies, outcome, System.nanoTime() - now);
                    }
                    progress.maybePrint(latencies, inFlight.get());
                }
            });
        }
        long unfinished = drain(threads, Duration.ofSeconds(60), inFlight);
        return new LoadResult(name, "closed", 0, concurrency, warmup.toMillis() / 1000.0,
                measure.toMillis() / 1000.0, offered.sum(), unfinished, latencies.count() / (measure.toNanos() / 1e9),
                latencies.summary(), extra == null ? Map.of() : new LinkedHashMap<>(extra.get()));
    }

    private static Outcome call(Arrival arrival, long intended) {
        try {
            return arrival.run(intended);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure("client: interrupted");
        } catch (Exception e) {
            return Outcome.failure("client: " + e.getClass().getSimpleName());
        }
    }

    private static void record(Latencies latencies, Outcome outcome, long nanos) {
        switch (outcome) {
            case Outcome.Success success -> latencies.recordNanos(nanos);
            case Outcome.Failure failure -> latencies.fail(failure.reason());
        }
    }

    private static long drain(ExecutorService threads, Duration deadline, AtomicLong inFlight) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                long left = inFlight.get();
                threads.shutdownNow();
                return left;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
        return 0;
    }

    /** One line on stderr every five seconds: where the run is and what it has measured so far. */
    private static final class Progress {
        private final String name;
        private final long start;
        private final long end;
        private final AtomicLong lastLine;

        Progress(String name, long start, long end) {
            this.name = name;
            this.start = start;
            this.end = end;
            this.lastLine = new AtomicLong(start);
        }

        void maybePrint(Latencies latencies, long inFlight) {
            long now = System.nanoTime();
            long last = lastLine.get();
            if (now - last < 5_000_000_000L || !lastLine.compareAndSet(last, now)) {
                return;
            }
            System.err.printf(Locale.ROOT, "[perf] %s: %.0f/%.0f s, %d measured ok, %d failed, %d in flight%n",
                    name, (now - start) / 1e9, (end - start) / 1e9, latencies.count(), latencies.failureCount(),
                    inFlight);
        }
    }
}
