package dev.shop.runtime.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes invocation records to {@code metering.invocations} in batches from a background thread, so a
 * request pays for an in-memory offer and nothing else. A full queue drops and counts rather than
 * blocking the request; a failed write keeps the batch for the next attempt.
 */
public class MeteringWriter implements MeteringSink {

    private static final Logger log = LoggerFactory.getLogger(MeteringWriter.class);
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final BlockingQueue<InvocationRecord> queue;
    private final Counter dropped;
    private final long flushIntervalMillis;
    private final Thread worker;
    private final List<InvocationRecord> pending = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean running = true;

    public MeteringWriter(Jdbi jdbi, MeterRegistry registry, int capacity, long flushIntervalMillis) {
        this(jdbi, registry, capacity, flushIntervalMillis, true);
    }

    /**
     * @param background whether a background thread writes batches as they come (where the process stays up);
     *                   without one, records wait for {@link #flush()} (on Lambda, before the invocation returns)
     */
    public MeteringWriter(Jdbi jdbi, MeterRegistry registry, int capacity, long flushIntervalMillis,
                          boolean background) {
        this.jdbi = jdbi;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flushIntervalMillis = flushIntervalMillis;
        this.dropped = Counter.builder("shop.metering.dropped")
                .description("Invocation records dropped because the metering queue was full")
                .register(registry);
        this.worker = background ? Thread.ofPlatform().daemon().name("metering-writer").unstarted(this::run) : null;
        if (worker != null) {
            worker.start();
        }
    }

    @Override
    public void submit(InvocationRecord invocation) {
        if (!queue.offer(invocation)) {
            dropped.increment();
        }
    }

    /** Writes everything submitted so far; used at shutdown, before a checkpoint and by tests. */
    @Override
    public void flush() {
        lock.lock();
        try {
            queue.drainTo(pending);
            writePending();
        } finally {
            lock.unlock();
        }
    }

    /** Writes the records a failed write kept and those drained from the queue; the caller holds the lock. */
    private void writePending() {
        while (!pending.isEmpty()) {
            List<InvocationRecord> batch = new ArrayList<>(pending.subList(0, Math.min(BATCH, pending.size())));
            write(batch);
            pending.subList(0, batch.size()).clear();
        }
    }

    private void run() {
        while (running) {
            try {
                // Poll under the lock: a record taken from the queue is never outside both the queue and
                // `pending`, so flush() cannot return while one is in flight. Submitters never take the lock;
                // the lock is fair, so a waiting flush() gets it as soon as this poll ends.
                lock.lockInterruptibly();
                try {
                    if (!pending.isEmpty()) {
                        // The last write failed: retry what it kept before taking more from the queue, so that
                        // a long outage fills the bounded queue (and drops, counted) instead of this list.
                        writePending();
                        continue;
                    }
                    InvocationRecord first = queue.poll(flushIntervalMillis, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    pending.add(first);
                    queue.drainTo(pending);
                    writePending();
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | AssertionError e) {
                // Whatever a broken connection throws, the worker must live on to write later batches.
                log.warn("metering write failed, {} records kept for the next attempt: {}", pending.size(), e.toString());
                pause();
            }
        }
    }

    private void write(List<InvocationRecord> batch) {
        jdbi.useHandle(handle -> {
            PreparedBatch insert = handle.prepareBatch("""
                    insert into metering.invocations
                      (function_name, module, started_at, duration_micros, memory_mb, cold_start, outcome, trigger,
                       correlation_id)
                    values (:function, :module, :startedAt, :durationMicros, :memoryMb, :coldStart, :outcome,
                            :trigger, :correlationId)""");
            for (InvocationRecord r : batch) {
                insert.bind("function", r.function())
                        .bind("module", r.module())
                        .bind("startedAt", Timestamp.from(r.startedAt()))
                        .bind("durationMicros", r.durationMicros())
                        .bind("memoryMb", r.memoryMb())
                        .bind("coldStart", r.coldStart())
                        .bind("outcome", r.outcome().name())
                        .bind("trigger", r.trigger().name())
                        .bind("correlationId", r.correlationId())
                        .add();
            }
            insert.execute();
        });
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            if (worker != null) {
                worker.interrupt();
                worker.join(2000);
            }
            // Bounded: when the database is already gone, shutdown must not wait out a connection timeout.
            Thread last = Thread.ofPlatform().daemon().name("metering-final-flush").start(() -> {
                try {
                    flush();
                } catch (RuntimeException | AssertionError e) {
                    log.warn("metering records lost at shutdown: {}", e.toString());
                }
            });
            if (!last.join(Duration.ofSeconds(3))) {
                log.warn("metering: final flush did not finish within 3 s; {} records may be lost", queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
