package dev.shop.perf.load;

import java.util.Map;

/**
 * What a load run measured after its warm-up: latencies of the successful arrivals, failures by reason, and the
 * throughput it sustained (successes per second from the first measured arrival to the last measured completion).
 *
 * @param mode         {@code open} (arrivals at {@code rate} per second) or {@code closed} ({@code concurrency} clients)
 * @param offered      arrivals started in the measured window
 * @param unfinished   arrivals still running when the drain deadline passed (not in the latencies)
 */
public record LoadResult(String name, String mode, double rate, int concurrency, double warmupSeconds,
                         double measureSeconds, long offered, long unfinished, double throughput,
                         Latencies.Summary latency, Map<String, Object> extra) {
}
