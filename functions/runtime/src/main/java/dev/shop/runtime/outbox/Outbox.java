package dev.shop.runtime.outbox;

import java.util.UUID;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import org.jdbi.v3.core.Handle;

/**
 * Appends events to the module's outbox table inside the caller's transaction, so an event exists if and
 * only if the change it reports was committed. {@code pg_notify} wakes the relay when that commit happens.
 */
public class Outbox {

    static final String CHANNEL = "shop_outbox";

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    public void append(Handle handle, String topic, String key, EventEnvelope<?> event) {
        handle.createUpdate("""
                        insert into outbox (event_id, topic, message_key, event_type, payload)
                        values (:eventId, :topic, :key, :type, :payload)""")
                .bind("eventId", UUID.fromString(event.id()))
                .bind("topic", topic)
                .bind("key", key)
                .bind("type", event.type())
                .bind("payload", codec.encode(event))
                .execute();
        handle.execute("select pg_notify('" + CHANNEL + "', current_schema())");
    }
}
