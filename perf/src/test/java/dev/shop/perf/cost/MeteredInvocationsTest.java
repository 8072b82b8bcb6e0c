package dev.shop.perf.cost;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.shop.local.servers.ServerEndpoints;
import dev.shop.local.servers.SharedServers;
import dev.shop.perf.StackTarget;
import dev.shop.runtime.metering.InvocationRecord;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * On a real Postgres with the metering and workflow migrations, invocations written by the runtime's own
 * {@link MeteringWriter}: every one inside the window is counted exactly once, per function, per day, in the total
 * and in the order it belongs to; none outside is.
 */
class MeteredInvocationsTest {

    private static final Instant FROM = Instant.parse("2026-11-30T22:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T02:00:00Z");
    private static String jdbcUrl;
    private static ServerEndpoints servers;

    @BeforeAll
    static void database() {
        servers = SharedServers.get().endpoints();
        jdbcUrl = SharedServers.newDatabase("perf_cost");
        for (String[] schema : new String[][] {{"metering", "classpath:db/metering"},
                {"checkout", "classpath:db/workflow"}}) {
            Flyway.configure().dataSource(jdbcUrl, servers.dbUser(), servers.dbPassword()).schemas(schema[0])
                    .locations(schema[1]).load().migrate();
        }
    }

    @Test
    void countsEveryInvocationOfTheWindowOnceAndNoneOutsideIt() throws Exception {
        List<InvocationRecord> inside = new ArrayList<>();
        // 3,000 invocations across midnight, two functions, every 4.8 s from the window's first instant
        for (int i = 0; i < 3_000; i++) {
            Instant at = FROM.plusMillis(i * 4_800L);
            boolean order = i % 10 == 0;
            inside.add(new InvocationRecord(i % 3 == 0 ? "advanceCheckout" : "getProduct", "catalog", at,
                    1_000 + i, 512, i < 2, Outcome.SUCCESS, i % 3 == 0 ? Trigger.KAFKA : Trigger.HTTP,
                    order ? "order-" + (i % 40) : null));
        }
        List<InvocationRecord> outside = List.of(
                record("getProduct", FROM.minusNanos(1_000), null),
                record("getProduct", TO, null),
                record("getProduct", TO.plus(Duration.ofDays(1)), "order-0"));
        try (MeteringWriter writer = new MeteringWriter(Jdbi.create(jdbcUrl, servers.dbUser(), servers.dbPassword()),
                new SimpleMeterRegistry(), 10_000, 50)) {
            inside.forEach(writer::submit);
            outside.forEach(writer::submit);
            writer.flush();
        }
        // Two succeeded checkouts share "order-0" (a client reused its correlation id); "order-10" failed.
        execution("chk_1", "order-0", "SUCCEEDED", FROM.plusSeconds(60), 8, 1);
        execution("chk_2", "order-0", "SUCCEEDED", FROM.plusSeconds(120), 8, 0);
        execution("chk_3", "order-10", "FAILED", FROM.plusSeconds(180), 5, 0);
        execution("chk_4", "order-20", "SUCCEEDED", FROM.plusSeconds(240), 8, 0);

        CostReport report = CostCommand.run(new CostReport.Window(FROM, TO), Pricing.bundled(), false,
                new StackTarget(null, jdbcUrl, servers.dbUser(), servers.dbPassword(), null, null, null),
                "metering", "checkout", Set.of("advanceCheckout"));

        assertThat(report.total().invocations()).isEqualTo(3_000);
        assertThat(report.functions()).extracting(f -> f.usage().invocations()).containsExactlyInAnyOrder(1_000L,
                2_000L);
        assertThat(report.functions().stream().mapToLong(f -> f.durationsMicros().getTotalCount()).sum())
                .isEqualTo(3_000);
        assertThat(report.days().keySet()).extracting(Object::toString).containsExactly("2026-11-30", "2026-12-01");
        assertThat(report.days().values().stream().mapToLong(Usage::invocations).sum()).isEqualTo(3_000);
        assertThat(report.total().coldStarts()).isEqualTo(2);
        double byFunction = report.functions().stream().mapToDouble(f -> f.usage().awsX86()).sum();
        assertThat(byFunction).isCloseTo(report.total().awsX86(), within(1e-12));
        double expected = inside.stream().mapToDouble(r -> new InvocationPrices(Pricing.bundled()).lambdaX86(
                invocation(r)) + (r.trigger() == Trigger.HTTP ? 0.000001 : 0)).sum();
        assertThat(report.total().awsX86()).isCloseTo(expected, within(1e-12));

        // Orders: order-0's invocations once, shared by its two checkouts; order-20's for the third.
        long order0 = inside.stream().filter(r -> "order-0".equals(r.correlationId())).count();
        long order20 = inside.stream().filter(r -> "order-20".equals(r.correlationId())).count();
        assertThat(report.orders().count()).isEqualTo(3);
        assertThat(report.orders().usage().invocations()).isEqualTo(order0 + order20);
        assertThat(report.orchestration().checkouts()).isEqualTo(4);
        assertThat(report.orchestration().transitions()).isEqualTo(8 + 1 + 8 + 5 + 8);
        assertThat(report.orchestration().retries()).isEqualTo(1);
        assertThat(report.orchestration().engine().invocations()).isEqualTo(1_000);
    }

    private static InvocationRecord record(String function, Instant at, String correlation) {
        return new InvocationRecord(function, "catalog", at, 1_000, 512, false, Outcome.SUCCESS, Trigger.HTTP,
                correlation);
    }

    private static Invocation invocation(InvocationRecord r) {
        return new Invocation(r.function(), r.module(), r.startedAt(), r.durationMicros(), r.memoryMb(),
                r.coldStart(), r.outcome().name(), r.trigger().name(), r.correlationId());
    }

    /** An execution with {@code states} StateEntered and {@code retries} TaskRetried events in its history. */
    private static void execution(String id, String correlation, String status, Instant started, int states,
                                  int retries) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, servers.dbUser(), servers.dbPassword())) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into checkout.executions (id, state_machine, status, current_state, correlation_id, input,
                        state_entered_at, started_at, updated_at, version)
                    values (?, 'checkout', ?, 'Done', ?, '{}'::jsonb, ?, ?, ?, 1)""")) {
                insert.setString(1, id);
                insert.setString(2, status);
                insert.setString(3, correlation);
                insert.setTimestamp(4, Timestamp.from(started));
                insert.setTimestamp(5, Timestamp.from(started));
                insert.setTimestamp(6, Timestamp.from(started.plusMillis(345)));
                insert.executeUpdate();
            }
            try (PreparedStatement history = connection.prepareStatement("""
                    insert into checkout.execution_history (execution_id, seq, type, state_name, occurred_at)
                    values (?, ?, ?, 'S', ?)""")) {
                int seq = 1;
                for (int i = 0; i < states + retries + 2; i++) {
                    String type = i < states ? "StateEntered" : i < states + retries ? "TaskRetried" : "TaskScheduled";
                    history.setString(1, id);
                    history.setInt(2, seq++);
                    history.setString(3, type);
                    history.setTimestamp(4, Timestamp.from(started));
                    history.addBatch();
                }
                history.executeBatch();
            }
        }
    }
}
