package dev.shop.runtime.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.runtime.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import static dev.shop.runtime.outbox.TestEvents.productChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox table itself: an event exists if and only if the transaction that appended it committed. */
class OutboxTest {

    static TestDatabase database;
    static Jdbi jdbi;
    static final EventCodec codec = new EventCodec();
    static final Outbox outbox = new Outbox(codec);

    @BeforeAll
    static void migrate() {
        database = TestDatabase.migrated("outboxtest");
        jdbi = database.jdbi();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void appendStoresTheEncodedEventUnpublished() {
        String sku = "SKU-" + UUID.randomUUID();
        EventEnvelope<?> event = productChanged(sku);

        jdbi.useTransaction(h -> outbox.append(h, "shop.product-events.v1", sku, event));

        OutboxRow row = jdbi.withHandle(h -> h.createQuery("""
                        select event_id::text as event_id, topic, message_key, event_type, payload,
                               published_at is null as pending
                        from outbox where message_key = :key""")
                .bind("key", sku)
                .map((rs, ctx) -> new OutboxRow(rs.getString("event_id"), rs.getString("topic"),
                        rs.getString("message_key"), rs.getString("event_type"), rs.getBytes("payload"),
                        rs.getBoolean("pending")))
                .one());
        assertThat(row.eventId()).isEqualTo(event.id());
        assertThat(row.topic()).isEqualTo("shop.product-events.v1");
        assertThat(row.eventType()).isEqualTo("shop.product.changed.v1");
        assertThat(row.pending()).isTrue();
        assertThat(codec.decode(row.payload())).isEqualTo(event);
    }

    @Test
    void appendInARolledBackTransactionLeavesNoRow() {
        String sku = "SKU-" + UUID.randomUUID();

        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            outbox.append(h, "shop.product-events.v1", sku, productChanged(sku));
            throw new IllegalStateException("the product update failed");
        })).hasMessage("the product update failed");

        assertThat(database.count("select count(*) from outbox where message_key = '" + sku + "'")).isZero();
    }

    @Test
    void theSameEventCannotBeAppendedTwice() {
        String sku = "SKU-" + UUID.randomUUID();
        EventEnvelope<?> event = productChanged(sku);
        jdbi.useTransaction(h -> outbox.append(h, "shop.product-events.v1", sku, event));

        assertThatThrownBy(() -> jdbi.useTransaction(h -> outbox.append(h, "shop.product-events.v1", sku, event)))
                .hasMessageContaining("event_id");
        assertThat(database.count("select count(*) from outbox where message_key = '" + sku + "'")).isEqualTo(1);
    }

    @Test
    void aCommittedAppendWakesListenersWithTheModuleSchema() throws Exception {
        try (Connection listener = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + Outbox.CHANNEL);
            }
            String sku = "SKU-" + UUID.randomUUID();

            jdbi.useTransaction(h -> outbox.append(h, "shop.product-events.v1", sku, productChanged(sku)));

            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
            assertThat(notifications).isNotNull();
            assertThat(Arrays.stream(notifications).map(PGNotification::getParameter)).contains("outboxtest");
        }
    }

    private record OutboxRow(String eventId, String topic, String key, String eventType, byte[] payload,
                             boolean pending) {
    }
}
