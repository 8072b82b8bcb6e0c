package dev.shop.checkout;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventType;
import org.jdbi.v3.core.Jdbi;

/** Reads the commands the checkout saga sent, from the checkout's outbox (keyed by checkout id). */
public class SagaCommands {

    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final EventCodec codec;
    private final Jdbi jdbi;

    SagaCommands(EventCodec codec, Jdbi jdbi) {
        this.codec = codec;
        this.jdbi = jdbi;
    }

    /** Every command of the checkout, oldest first. */
    public List<TaskCommand> of(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, topic, message_key, payload from outbox where message_key = :key order by id""")
                .bind("key", checkoutId)
                .map((rs, ctx) -> {
                    EventEnvelope<?> envelope = codec.decode(rs.getBytes("payload"));
                    return new TaskCommand(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                            envelope, codec.mapper().valueToTree(envelope.data()));
                })
                .list());
    }

    /** The event types of the checkout's commands, oldest first. */
    public List<String> typesOf(String checkoutId) {
        return of(checkoutId).stream().map(TaskCommand::type).toList();
    }

    /** The latest command of the checkout: the one whose token the saga waits for. */
    public TaskCommand latest(String checkoutId) {
        List<TaskCommand> commands = of(checkoutId);
        if (commands.isEmpty()) {
            throw new AssertionError("checkout " + checkoutId + " has sent no command");
        }
        return commands.getLast();
    }

    /** Waits until the checkout's latest command is of this type, and returns it. */
    public TaskCommand awaitLatest(String checkoutId, EventType<?> type) {
        return await(type.name() + " command of " + checkoutId).atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> of(checkoutId), commands -> !commands.isEmpty() && commands.getLast().is(type))
                .getLast();
    }
}
