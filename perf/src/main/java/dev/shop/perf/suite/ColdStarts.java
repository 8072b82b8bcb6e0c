package dev.shop.perf.suite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.shop.perf.StackTarget;

/**
 * Cold start per function, from the stack's own metering: the last invocation of each function marked
 * {@code cold_start} (the first in its JVM) against the median of its warm ones.
 */
final class ColdStarts {

    record ColdStart(String function, String trigger, double coldMillis, double warmP50Millis, long warm) {

        double ratio() {
            return warmP50Millis == 0 ? 0 : coldMillis / warmP50Millis;
        }
    }

    private ColdStarts() {
    }

    static List<ColdStart> read(StackTarget target) throws SQLException {
        List<ColdStart> starts = new ArrayList<>();
        try (Connection connection = target.connect("shop-perf-cold-starts");
             PreparedStatement select = connection.prepareStatement("""
                     with cold as (
                         select distinct on (function_name) function_name, trigger, duration_micros, started_at
                           from metering.invocations where cold_start order by function_name, started_at desc)
                     select c.function_name, c.trigger, c.duration_micros,
                            (select percentile_cont(0.5) within group (order by w.duration_micros)
                               from metering.invocations w
                              where w.function_name = c.function_name and not w.cold_start
                                and w.started_at > c.started_at) as warm_p50,
                            (select count(*) from metering.invocations w
                              where w.function_name = c.function_name and not w.cold_start
                                and w.started_at > c.started_at) as warm
                       from cold c order by c.duration_micros desc""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                starts.add(new ColdStart(rows.getString(1), rows.getString(2), rows.getLong(3) / 1000.0,
                        rows.getDouble(4) / 1000.0, rows.getLong(5)));
            }
        }
        return starts;
    }
}
