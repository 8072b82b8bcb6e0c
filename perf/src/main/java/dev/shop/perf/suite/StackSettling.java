package dev.shop.perf.suite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.shop.perf.StackTarget;

/**
 * Waits, with a deadline, until the stack has finished the work a scenario left behind (product events still
 * being consumed, checkouts still running): fewer than a handful of invocations metered in the last two seconds.
 * So each measured run starts on a quiet stack and is not charged for its predecessor's backlog.
 */
final class StackSettling {

    private StackSettling() {
    }

    static void await(StackTarget target, String after, Duration deadline) throws SQLException, InterruptedException {
        long begin = System.nanoTime();
        long until = begin + deadline.toNanos();
        try (Connection connection = target.connect("shop-perf-suite");
             PreparedStatement recent = connection.prepareStatement(
                     "select count(*) from metering.invocations where started_at > now() - interval '2 seconds'")) {
            long last = Long.MAX_VALUE;
            while (System.nanoTime() < until) {
                try (ResultSet rows = recent.executeQuery()) {
                    rows.next();
                    last = rows.getLong(1);
                }
                if (last < 10) {
                    Suite.progress("stack settled after %s in %.1f s", after, (System.nanoTime() - begin) / 1e9);
                    return;
                }
                Thread.sleep(500);
            }
            Suite.progress("stack still busy after %s (%d invocations in 2 s) after %d s; going on", after, last,
                    deadline.toSeconds());
        }
    }
}
