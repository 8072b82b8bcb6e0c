package dev.shop.runtime.metering;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invocations of the real manifest's functions, written to a real metering table. */
class InvocationMeterTest {

    static final Instant NOW = Instant.parse("2024-03-13T10:15:30.123456Z");
    static TestDatabase database;
    static MeteringWriter writer;

    SimpleMeterRegistry registry;
    InvocationMeter meter;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.migrated("meter");
        writer = new MeteringWriter(database.jdbi(), new SimpleMeterRegistry(), 1_000, 50);
    }

    @AfterAll
    static void close() {
        writer.close();
        database.close();
    }

    @BeforeEach
    void newMeter() {
        registry = new SimpleMeterRegistry();
        meter = new InvocationMeter(FunctionManifest.load(), writer, registry, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void marksTheFirstInvocationOfEachFunctionColdAndLaterOnesWarm() {
        assertThat(meter.start("getProduct", Trigger.HTTP, "c1").coldStart()).isTrue();
        assertThat(meter.start("getProduct", Trigger.HTTP, "c2").coldStart()).isFalse();
        assertThat(meter.start("getProduct", Trigger.HTTP, "c3").coldStart()).isFalse();
        assertThat(meter.start("syncCartPrices", Trigger.KAFKA, "c4").coldStart()).isTrue();
        assertThat(meter.start("syncCartPrices", Trigger.KAFKA, "c5").coldStart()).isFalse();
    }

    @Test
    void countsEveryFunctionColdAgainAfterARestore() {
        meter.start("getProduct", Trigger.HTTP, "c1");
        meter.start("getCart", Trigger.HTTP, "c2");

        meter.markAllCold();

        assertThat(meter.start("getProduct", Trigger.HTTP, "c3").coldStart()).isTrue();
        assertThat(meter.start("getCart", Trigger.HTTP, "c4").coldStart()).isTrue();
        assertThat(meter.start("getProduct", Trigger.HTTP, "c5").coldStart()).isFalse();
    }

    @Test
    void refusesAFunctionThatIsNotInTheManifest() {
        assertThatThrownBy(() -> meter.start("getProdcut", Trigger.HTTP, "c1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getProdcut");
    }

    @Test
    void recordsWhatFinanceNeedsFromTheManifest() {
        String correlationId = UUID.randomUUID().toString();

        meter.start("syncCartPrices", Trigger.KAFKA, correlationId).end(Outcome.ERROR);
        writer.flush();

        List<String> rows = database.jdbi().withHandle(h -> h.createQuery("""
                        select function_name || ' ' || module || ' ' || memory_mb || ' ' || cold_start || ' '
                               || outcome || ' ' || trigger || ' ' || (started_at = :now) || ' ' || (duration_micros >= 0)
                        from metering.invocations where correlation_id = :id""")
                .bind("id", correlationId).bind("now", java.sql.Timestamp.from(NOW))
                .mapTo(String.class).list());
        assertThat(rows).containsExactly("syncCartPrices cart 256 true ERROR KAFKA true true");
    }

    @Test
    void endingAnInvocationTwiceRecordsItOnce() {
        String correlationId = UUID.randomUUID().toString();
        InvocationMeter.Invocation invocation = meter.start("getProduct", Trigger.HTTP, correlationId);

        invocation.end(Outcome.SUCCESS);
        invocation.end(Outcome.ERROR);
        writer.flush();

        List<String> outcomes = database.jdbi().withHandle(h -> h.createQuery(
                        "select outcome from metering.invocations where correlation_id = :id")
                .bind("id", correlationId).mapTo(String.class).list());
        assertThat(outcomes).containsExactly("SUCCESS");
        assertThat(registry.get("shop.function.invocations").timers())
                .singleElement().satisfies(timer -> {
                    assertThat(timer.count()).isEqualTo(1);
                    assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS");
                    assertThat(timer.getId().getTag("function")).isEqualTo("getProduct");
                    assertThat(timer.getId().getTag("cold")).isEqualTo("true");
                    assertThat(timer.getId().getTag("trigger")).isEqualTo("HTTP");
                });
    }

    @Test
    void mapsHttpStatusToOutcome() {
        assertThat(Outcome.ofStatus(200)).isEqualTo(Outcome.SUCCESS);
        assertThat(Outcome.ofStatus(204)).isEqualTo(Outcome.SUCCESS);
        assertThat(Outcome.ofStatus(399)).isEqualTo(Outcome.SUCCESS);
        assertThat(Outcome.ofStatus(400)).isEqualTo(Outcome.REJECTED);
        assertThat(Outcome.ofStatus(499)).isEqualTo(Outcome.REJECTED);
        assertThat(Outcome.ofStatus(500)).isEqualTo(Outcome.ERROR);
        assertThat(Outcome.ofStatus(503)).isEqualTo(Outcome.ERROR);
    }
}
