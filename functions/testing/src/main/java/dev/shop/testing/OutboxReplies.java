package dev.shop.testing;

import java.util.List;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import org.jdbi.v3.core.Jdbi;

import static org.assertj.core.api.Assertions.assertThat;

/** The replies a module's functions wrote to their outbox for a checkout, oldest first. */
public final class OutboxReplies {

    private final Jdbi jdbi;
    private final EventCodec codec;

    public OutboxReplies(Jdbi jdbi, EventCodec codec) {
        this.jdbi = jdbi;
        this.codec = codec;
    }

    public List<EventEnvelope<?>> of(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery("select payload from outbox where message_key = :key order by id")
                .bind("key", checkoutId)
                .mapTo(byte[].class)
                .list()).stream().<EventEnvelope<?>>map(codec::decode).toList();
    }

    public static TaskSucceeded succeeded(EventEnvelope<?> reply) {
        assertThat(reply.data()).as("reply %s", reply.data()).isInstanceOf(TaskSucceeded.class);
        return (TaskSucceeded) reply.data();
    }

    public static TaskFailed failed(EventEnvelope<?> reply) {
        assertThat(reply.data()).as("reply %s", reply.data()).isInstanceOf(TaskFailed.class);
        return (TaskFailed) reply.data();
    }
}
