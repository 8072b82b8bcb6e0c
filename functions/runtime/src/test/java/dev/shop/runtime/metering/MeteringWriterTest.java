package dev.shop.runtime.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shop.runtime.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MeteringWriterTest {

    static final Instant START = Instant.parse("2024-03-13T10:15:30.123456Z");

    final List<AutoCloseable> closeAfter = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final String run = UUID.randomUUID().toString();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeAfter.reversed()) {
            closeable.close();
        }
    }

    @Test
    void writesEverySubmittedRecordInBatches() {
        TestDatabase database = database(TestDatabase.migrated("meteringtest"));
        MeteringWriter writer = writer(database.jdbi(), 10_000, 200);
        List<InvocationRecord> submitted = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            InvocationRecord record = record(i);
            submitted.add(record);
            writer.submit(record);
        }

        writer.flush();

        assertThat(database.count("select count(*) from metering.invocations")).isEqualTo(1_200);
        assertThat(written(database.jdbi())).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(dropped()).isZero();
    }

    @Test
    void writesInTheBackgroundWithoutAFlush() {
        TestDatabase database = database(TestDatabase.migrated("meteringtest"));
        MeteringWriter writer = writer(database.jdbi(), 100, 20);

        writer.submit(record(1));
        writer.submit(record(2));
        writer.submit(record(3));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> database.count("select count(*) from metering.invocations") == 3);
        assertThat(written(database.jdbi())).containsExactlyInAnyOrder(record(1), record(2), record(3));
    }

    @Test
    void dropsAndCountsInsteadOfBlockingWhenTheQueueIsFull() {
        TestDatabase database = database(TestDatabase.migrated("meteringtest"));
        // The database is gone: the writer cannot drain its queue of one.
        database.dataSource().close();
        MeteringWriter writer = writer(database.jdbi(), 1, 20);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 50; i++) {
                writer.submit(record(i));
            }
        });

        // At most one record waits in the queue and one or two are held by the failed write.
        assertThat(dropped()).isGreaterThanOrEqualTo(47);
    }

    @Test
    void keepsRecordsThroughAFailedWrite() {
        TestDatabase database = database(TestDatabase.empty("metering_late"));
        MeteringWriter writer = writer(database.jdbi(), 100, 20);
        for (int i = 0; i < 5; i++) {
            writer.submit(record(i));
        }

        // No metering table yet: the write fails and the records stay.
        assertThatThrownBy(writer::flush).hasMessageContaining("invocations");
        database.migrateMetering();
        writer.flush();

        assertThat(written(database.jdbi())).containsExactlyInAnyOrder(
                record(0), record(1), record(2), record(3), record(4));
    }

    @Test
    void holdsNoMoreThanItsCapacityWhileTheDatabaseIsDown() {
        TestDatabase database = database(TestDatabase.empty("metering_down"));
        int capacity = 3;
        MeteringWriter writer = writer(database.jdbi(), capacity, 20);
        ListAppender<ILoggingEvent> log = captureWarnings();
        AtomicInteger submitted = new AtomicInteger();

        // Requests keep coming while the writer fails and retries, about once a second.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            writer.submit(record(submitted.getAndIncrement()));
            return keptAfterFailedWrites(log).size() >= 3;
        });

        assertThat(keptAfterFailedWrites(log)).allSatisfy(kept -> assertThat(kept).isLessThanOrEqualTo(capacity + 1));
        assertThat(dropped()).isPositive();

        // Back up: everything not counted as dropped is written.
        database.migrateMetering();
        writer.flush();

        assertThat(database.count("select count(*) from metering.invocations"))
                .isEqualTo(submitted.get() - (long) dropped());
    }

    private InvocationRecord record(int i) {
        return new InvocationRecord(i % 3 == 0 ? "getProduct" : "addToCart", i % 3 == 0 ? "catalog" : "cart",
                START.plusMillis(i), 1_000L + i, i % 2 == 0 ? 512 : 256, i % 10 == 0, Outcome.values()[i % 3],
                Trigger.values()[i % 3], run + "-" + i);
    }

    private List<InvocationRecord> written(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select function_name, module, started_at, duration_micros, memory_mb, cold_start, outcome,
                               trigger, correlation_id
                        from metering.invocations where correlation_id like :run""")
                .bind("run", run + "-%")
                .map((rs, ctx) -> new InvocationRecord(rs.getString("function_name"), rs.getString("module"),
                        rs.getTimestamp("started_at").toInstant(), rs.getLong("duration_micros"),
                        rs.getInt("memory_mb"), rs.getBoolean("cold_start"), Outcome.valueOf(rs.getString("outcome")),
                        Trigger.valueOf(rs.getString("trigger")), rs.getString("correlation_id")))
                .list());
    }

    private double dropped() {
        return registry.get("shop.metering.dropped").counter().count();
    }

    private MeteringWriter writer(Jdbi jdbi, int capacity, long flushIntervalMillis) {
        MeteringWriter writer = new MeteringWriter(jdbi, registry, capacity, flushIntervalMillis);
        closeAfter.add(writer);
        return writer;
    }

    private TestDatabase database(TestDatabase database) {
        closeAfter.add(database);
        return database;
    }

    private ListAppender<ILoggingEvent> captureWarnings() {
        Logger logger = (Logger) LoggerFactory.getLogger(MeteringWriter.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        closeAfter.add(() -> logger.detachAppender(appender));
        return appender;
    }

    /** How many records the writer said it kept, for each failed write it logged. */
    private static List<Integer> keptAfterFailedWrites(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream()
                    .filter(e -> e.getMessage().startsWith("metering write failed"))
                    .map(e -> (Integer) e.getArgumentArray()[0])
                    .toList();
        }
    }
}
