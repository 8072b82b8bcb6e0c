package dev.shop.perf.cost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.shop.perf.StackTarget;

/**
 * Reads what the cost report prices from the stack's Postgres: the metering rows of a window
 * ({@code metering.invocations}, streamed, never all in memory) and the checkout saga's executions with counts from
 * their history ({@code checkout.executions}, {@code checkout.execution_history}).
 */
public final class MeteringStore implements AutoCloseable {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Connection connection;
    private final String meteringSchema;
    private final String sagaSchema;

    public MeteringStore(StackTarget target, String meteringSchema, String sagaSchema) throws SQLException {
        for (String schema : List.of(meteringSchema, sagaSchema)) {
            if (!SCHEMA.matcher(schema).matches()) {
                throw new IllegalArgumentException("not a schema name: " + schema);
            }
        }
        this.connection = target.connect("shop-perf-cost");
        this.connection.setReadOnly(true);
        this.meteringSchema = meteringSchema;
        this.sagaSchema = sagaSchema;
    }

    public long count(CostReport.Window window) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "select count(*) from " + meteringSchema + ".invocations where started_at >= ? and started_at < ?")) {
            bindWindow(count, window);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Hands every invocation of the window to {@code sink} once, in id order, reading in batches. */
    public long stream(CostReport.Window window, Consumer<Invocation> sink) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // A cursor (and so batched fetching) needs a transaction in the PostgreSQL driver.
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("""
                select function_name, module, started_at, duration_micros, memory_mb, cold_start, outcome, trigger,
                       correlation_id
                  from %s.invocations
                 where started_at >= ? and started_at < ?
                 order by id""".formatted(meteringSchema))) {
            select.setFetchSize(5_000);
            bindWindow(select, window);
            long n = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(new Invocation(rows.getString(1), rows.getString(2),
                            instant(rows, 3), rows.getLong(4), rows.getInt(5), rows.getBoolean(6),
                            rows.getString(7), rows.getString(8), rows.getString(9)));
                    n++;
                }
            }
            return n;
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The saga's executions started in the window; none when the checkout's schema is not in this database. */
    public List<SagaExecution> executions(CostReport.Window window) throws SQLException {
        if (!tableExists(sagaSchema, "executions")) {
            return List.of();
        }
        List<SagaExecution> executions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select e.id, e.correlation_id, e.status, e.started_at, e.updated_at,
                       count(*) filter (where h.type = 'StateEntered') as entered,
                       count(*) filter (where h.type = 'TaskRetried') as retries
                  from %1$s.executions e left join %1$s.execution_history h on h.execution_id = e.id
                 where e.started_at >= ? and e.started_at < ?
                 group by e.id
                 order by e.started_at""".formatted(sagaSchema))) {
            bindWindow(select, window);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    executions.add(new SagaExecution(rows.getString(1), rows.getString(2), rows.getString(3),
                            instant(rows, 4), instant(rows, 5), rows.getInt(6),
                            rows.getInt(7)));
                }
            }
        }
        return executions;
    }

    private boolean tableExists(String schema, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = ?")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static void bindWindow(PreparedStatement statement, CostReport.Window window) throws SQLException {
        statement.setObject(1, OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC));
        statement.setObject(2, OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
