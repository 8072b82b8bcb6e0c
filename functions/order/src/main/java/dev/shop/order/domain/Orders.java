package dev.shop.order.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.shop.events.CreateOrder;
import dev.shop.events.EventEnvelope;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The order rules. A CreateOrder is handled in the transaction the invocation layer opens with its event id
 * recorded: it writes the order and its lines and puts the reply in the outbox, so it takes effect and is answered once however
 * often it is delivered. The checkout id is the idempotency key: a retried command (new event id) gets
 * the same order id back.
 */
public class Orders {

    static final String NOT_RECORDED = "the order could not be recorded";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_ID_LENGTH = 128;

    private final Jdbi jdbi;
    private final TaskReplies replies;
    private final Set<String> rejectedCustomers;
    private final OrderRepository orders = new OrderRepository();

    public Orders(Jdbi jdbi, TaskReplies replies, List<String> rejectedCustomers) {
        this.jdbi = jdbi;
        this.replies = replies;
        this.rejectedCustomers = Set.copyOf(rejectedCustomers);
    }

    /** Records the checkout's order once, inside the caller's transaction, and answers the task. */
    public OrderOutcome create(Handle h, EventEnvelope<CreateOrder> event) {
        CreateOrder command = event.data();
        OrderOutcome outcome = place(h, command);
        replies.send(h, event, command.checkoutId(), command.taskToken(), OrderReplies.to(outcome));
        return outcome;
    }

    public OrderLookup find(String orderId) {
        return jdbi.withHandle(h -> orders.find(h, orderId)
                .<OrderLookup>map(OrderLookup.Found::new)
                .orElseGet(() -> new OrderLookup.NotFound(orderId)));
    }

    public OrderPage list(OrderSearch search) {
        return jdbi.withHandle(h -> orders.list(h, search));
    }

    private OrderOutcome place(Handle h, CreateOrder command) {
        Optional<String> existing = orders.orderIdOfCheckout(h, command.checkoutId());
        if (existing.isPresent()) {
            return new OrderOutcome.Placed(existing.get(), false);
        }
        if (rejectedCustomers.contains(command.customerId()) || !recordable(command)) {
            return new OrderOutcome.Rejected(NOT_RECORDED);
        }
        // A concurrent command for the same checkout waits on the unique key and then finds its order.
        return orders.insert(h, OrderIds.next(), command)
                .<OrderOutcome>map(id -> new OrderOutcome.Placed(id, true))
                .orElseGet(() -> new OrderOutcome.Placed(orders.orderIdOfCheckout(h, command.checkoutId())
                        .orElseThrow(), false));
    }

    private static boolean recordable(CreateOrder command) {
        return command.checkoutId().length() <= MAX_ID_LENGTH && command.customerId().length() <= MAX_ID_LENGTH
                && command.totalCents() >= 0 && CURRENCY.matcher(command.currency()).matches();
    }
}
