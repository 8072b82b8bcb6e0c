package dev.shop.runtime.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to Kafka in id order. A batch is marked published only after the broker has
 * acknowledged every record in it; if Kafka is unavailable the rows stay and are sent again later, so no
 * event is lost. A resend after a partial failure can duplicate a record: consumers dedupe by event id.
 * Rows are locked with SKIP LOCKED so several instances can relay the same outbox.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final Jdbi jdbi;
    private final Supplier<Producer<String, byte[]>> producers;
    private final NotificationSource notifications;
    private final Duration idlePoll;
    private final Duration retention;
    private Producer<String, byte[]> producer;
    private Thread worker;
    private volatile boolean running;
    private volatile boolean failing;
    private long lastCleanup;

    public OutboxRelay(Jdbi jdbi, Supplier<Producer<String, byte[]>> producers, NotificationSource notifications,
                       Duration idlePoll, Duration retention) {
        this.jdbi = jdbi;
        this.producers = producers;
        this.notifications = notifications;
        this.idlePoll = idlePoll;
        this.retention = retention;
    }

    /** Opens the Kafka producer and starts relaying in the background (where the process stays up). */
    public synchronized OutboxRelay start() {
        if (running) {
            return this;
        }
        producer();
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::run);
        return this;
    }

    /** Stops relaying and closes the producer; unpublished rows wait for the next start or publish. */
    public synchronized void stop() {
        if (running) {
            running = false;
            notifications.close();
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    /** Whether a Kafka producer is open (none before the first publish, none after {@link #stop}). */
    public synchronized boolean producerOpen() {
        return producer != null;
    }

    public boolean running() {
        return running;
    }

    /** The producer, opened on first use (a function that never publishes never connects to Kafka). */
    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /**
     * Publishes what is waiting, now, on the caller's thread: at most {@code maxRows} rows, in id order. What a
     * Lambda invocation (or a scheduled sweep) calls, where no background thread may be left to do it. Returns how
     * many rows were published; throws when Kafka did not acknowledge (the rows stay for the next attempt).
     */
    public int publishPending(int maxRows) {
        int published = 0;
        while (published < maxRows) {
            int batch = publishBatch();
            published += batch;
            if (batch < BATCH) {
                break;
            }
        }
        cleanUpPublished();
        return published;
    }

    /** Publishes one batch; returns how many rows were published. Throws when Kafka did not acknowledge. */
    public int publishBatch() {
        return jdbi.inTransaction(handle -> {
            List<OutboxRow> rows = handle.createQuery("""
                            select id, topic, message_key, event_id::text as event_id, event_type, payload
                            from outbox where published_at is null
                            order by id limit :limit for update skip locked""")
                    .bind("limit", BATCH)
                    .map((rs, ctx) -> new OutboxRow(rs.getLong("id"), rs.getString("topic"),
                            rs.getString("message_key"), rs.getString("event_id"), rs.getString("event_type"),
                            rs.getBytes("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            // Opened only when there is something to send: a read-only invocation never connects to Kafka.
            Producer<String, byte[]> producer = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add("event-id", row.eventId().getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-type", row.eventType().getBytes(StandardCharsets.UTF_8));
                Future<RecordMetadata> ack = producer.send(record);
                if (ack.isDone()) {
                    // A send that failed at once (no metadata: Kafka unreachable for max.block.ms) ends the batch
                    // here. Sending the rest would let later events overtake this one and, should Kafka come
                    // back meanwhile, publish them now and again when the rolled-back batch is retried.
                    acknowledged(ack);
                }
                acks.add(ack);
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                acknowledged(ack);
            }
            handle.createUpdate("update outbox set published_at = now() where id = any(:ids)")
                    .bindArray("ids", Long.class, rows.stream().map(OutboxRow::id).toList())
                    .execute();
            return rows.size();
        });
    }

    private static void acknowledged(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        }
    }

    /** Rows not yet acknowledged by Kafka. */
    public long pending() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from outbox where published_at is null")
                .mapTo(Long.class).one());
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                int published = publishBatch();
                if (failing) {
                    log.info("outbox relay: Kafka reachable again, publishing resumed");
                    failing = false;
                }
                backoff = Duration.ofMillis(100);
                cleanUpPublished();
                if (published < BATCH) {
                    notifications.await(idlePoll);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("outbox relay: publishing failed, events kept and retried: {}", e.toString());
                    failing = true;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    private void cleanUpPublished() {
        long now = System.currentTimeMillis();
        if (now - lastCleanup < 60_000) {
            return;
        }
        lastCleanup = now;
        jdbi.useHandle(h -> h.createUpdate(
                        "delete from outbox where published_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) retention.toSeconds())
                .execute());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private record OutboxRow(long id, String topic, String key, String eventId, String eventType, byte[] payload) {
    }

    /** Kafka did not acknowledge a record; the batch stays unpublished. */
    public static class KafkaUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KafkaUnavailableException(Throwable cause) {
            super("Kafka did not acknowledge the outbox batch", cause);
        }
    }

    /** Wakes the relay when a transaction that appended to the outbox commits. */
    public interface NotificationSource extends AutoCloseable {
        void await(Duration atMost);

        @Override
        void close();
    }

    /** LISTEN on a dedicated connection; falls back to plain polling if it breaks. */
    public static final class PostgresNotifications implements NotificationSource {
        private final String url;
        private final Properties properties;
        private Connection connection;

        public PostgresNotifications(String url, String user, String password) {
            this.url = url;
            this.properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
        }

        @Override
        public void await(Duration atMost) {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = DriverManager.getConnection(url, properties);
                    try (Statement listen = connection.createStatement()) {
                        listen.execute("LISTEN " + Outbox.CHANNEL);
                    }
                }
                connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, atMost.toMillis()));
            } catch (SQLException e) {
                close();
                sleep(atMost);
            }
        }

        @Override
        public void close() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // closing a broken listener connection: nothing left to release
            }
            connection = null;
        }
    }
}
