package dev.shop.order.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.shop.events.CreateOrder;
import dev.shop.runtime.inbox.ProcessedEvents;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The order rules. A CreateOrder is handled in one transaction that records its event id, writes the
 * order and its lines and puts the reply in the outbox, so it takes effect and is answered once however
 * often it is delivered. The checkout id is the idempotency key: a retried command (new event id) gets
 * the same order id back.
 */
public class OrderBook {

    public static final String CREATE_ORDER = "createOrder";

    static final String NOT_RECORDED = "the order could not be recorded";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_ID_LENGTH = 128;

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final String replyTopic;
    private final Set<String> rejectedCustomers;
    private final OrderRepository orders = new OrderRepository();

    public OrderBook(Jdbi jdbi, Outbox outbox, String replyTopic, List<String> rejectedCustomers) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.replyTopic = replyTopic;
        this.rejectedCustomers = Set.copyOf(rejectedCustomers);
    }

    /** Records the checkout's order once; empty when this event was handled before (nothing done, no reply). */
    public Optional<OrderOutcome> create(String eventId, String correlationId, CreateOrder command) {
        return jdbi.inTransaction(h -> {
            if (!ProcessedEvents.firstDelivery(h, CREATE_ORDER, eventId)) {
                return Optional.empty();
            }
            OrderOutcome outcome = place(h, command);
            outbox.append(h, replyTopic, command.checkoutId(),
                    OrderReplies.to(command.taskToken(), correlationId, outcome));
            return Optional.of(outcome);
        });
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
