package dev.shop.perf.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies of successful calls in an HdrHistogram (microseconds, 3 significant digits), and failures by reason. */
public final class Latencies {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    public void recordMicros(long micros) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, micros)));
    }

    public void fail(String reason) {
        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public Histogram histogram() {
        return histogram.copy();
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public Map<String, Long> failures() {
        Map<String, Long> counts = new TreeMap<>();
        failures.forEach((reason, n) -> counts.put(reason, n.sum()));
        return counts;
    }

    public long failureCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Summary summary() {
        Histogram h = histogram();
        return new Summary(h.getTotalCount(), failureCount(), ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()), h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0, failures());
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** Percentiles in milliseconds. */
    public record Summary(long count, long failed, double p50, double p90, double p99, double p999, double max,
                          double mean, Map<String, Long> failures) {
    }
}
