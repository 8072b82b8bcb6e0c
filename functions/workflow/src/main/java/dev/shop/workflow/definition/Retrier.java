package dev.shop.workflow.definition;

import java.time.Duration;
import java.util.List;

/**
 * One element of a Task's {@code Retry}. Each retrier counts its own retries; the delay before retry
 * {@code n} (1, 2, ...) is {@code IntervalSeconds × BackoffRate^(n-1)}, at most {@code MaxDelaySeconds}.
 *
 * @param maxDelaySeconds null if not set
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds) {

    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    public boolean matches(String error) {
        return ErrorNames.matches(errorEquals, error);
    }

    /** The wait before retry number {@code retryNumber} (1 for the first retry). */
    public Duration delayBefore(int retryNumber) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retryNumber - 1);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        return Duration.ofMillis(Math.round(Math.min(seconds, Integer.MAX_VALUE) * 1000));
    }
}
