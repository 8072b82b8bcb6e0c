package dev.shop.checkout;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shop.runtime.metering.MeteringWriter;
import org.jdbi.v3.core.Jdbi;

/**
 * The module's metering rows ({@code metering.invocations}). The writer's own thread writes every record within
 * its flush interval (200 ms), so waiting for a row polls the table; {@link #flush()} writes everything at once.
 */
public class Metering {

    public static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String COLUMNS = "id, function_name, module, trigger, outcome, memory_mb, correlation_id";

    private final MeteringWriter writer;
    private final Jdbi jdbi;

    Metering(MeteringWriter writer, Jdbi jdbi) {
        this.writer = writer;
        this.jdbi = jdbi;
    }

    /** Writes every invocation metered so far, as at the end of a Lambda invocation. */
    public void flush() {
        writer.flush();
    }

    /** The function's rows under the correlation id, as written so far. */
    public List<Map<String, Object>> rows(String function, String correlationId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from metering.invocations
                        where function_name = :function and correlation_id = :correlationId order by id""")
                .bind("function", function)
                .bind("correlationId", correlationId)
                .mapToMap()
                .list());
    }

    /** Waits until the function has metered {@code count} invocations under the correlation id. */
    public List<Map<String, Object>> awaitRows(String function, String correlationId, int count) {
        return await(count + " metering rows of " + function + " for " + correlationId).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> rows(function, correlationId), rows -> rows.size() >= count);
    }

    /** The function's rows of invocations that started within the interval, as written so far. */
    public List<Map<String, Object>> rowsStartedBetween(String function, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from metering.invocations
                        where function_name = :function and started_at between :from and :to order by id""")
                .bind("function", function)
                .bind("from", Timestamp.from(from))
                .bind("to", Timestamp.from(to))
                .mapToMap()
                .list());
    }
}
