package dev.shop.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells waiting callers that an execution took a step, so a request that must answer with a step's outcome
 * waits for it instead of polling. Every step's transaction notifies {@link WorkflowEngine#STEP_CHANNEL} with
 * the execution id (Postgres {@code NOTIFY}, delivered on commit, from whichever process took the step); one
 * listening connection per instance hands each notification to the callers watching that execution.
 *
 * <p>A wake-up means "look again", never "it happened": callers re-read the execution after each one. When the
 * listening connection breaks, every watcher is woken (a notification may have been missed) and the next watch
 * reconnects.
 */
public final class ExecutionNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutionNotifications.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Opens a dedicated connection to the executions' database; it is kept open for listening. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;
    private final Map<String, Set<Watch>> watches = new ConcurrentHashMap<>();
    private Thread listener;
    private volatile boolean running;

    public ExecutionNotifications(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Starts watching an execution; close the watch when done. */
    public Watch watch(String executionId) {
        ensureListening();
        Watch watch = new Watch(executionId);
        watches.computeIfAbsent(executionId, id -> ConcurrentHashMap.newKeySet()).add(watch);
        return watch;
    }

    /** Stops listening (before a checkpoint, or at shutdown); the next {@link #watch} listens again. */
    @Override
    public synchronized void close() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
        wakeAll();
    }

    private synchronized void ensureListening() {
        if (running) {
            return;
        }
        running = true;
        listener = Thread.ofPlatform().daemon().name("workflow-notifications").start(this::listen);
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (Connection connection = connections.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + WorkflowEngine.STEP_CHANNEL);
                }
                // Steps taken before LISTEN took effect were not announced: let every watcher look again.
                wakeAll();
                backoff = Duration.ofMillis(100);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications((int) POLL.toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            wake(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("workflow notifications: listening failed, reconnecting: {}", e.toString());
                wakeAll();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    private void wake(String executionId) {
        Set<Watch> watching = watches.get(executionId);
        if (watching != null) {
            watching.forEach(Watch::wake);
        }
    }

    private void wakeAll() {
        watches.values().forEach(set -> set.forEach(Watch::wake));
    }

    /** A caller's interest in one execution. */
    public final class Watch implements AutoCloseable {
        private final String executionId;
        private final Semaphore steps = new Semaphore(0);

        private Watch(String executionId) {
            this.executionId = executionId;
        }

        /** Waits until the execution may have taken a step, at most {@code atMost}; false when the time ran out. */
        public boolean awaitStep(Duration atMost) throws InterruptedException {
            boolean woken = steps.tryAcquire(Math.max(0, atMost.toNanos()), TimeUnit.NANOSECONDS);
            steps.drainPermits();
            return woken;
        }

        private void wake() {
            steps.release();
        }

        @Override
        public void close() {
            watches.computeIfPresent(executionId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
