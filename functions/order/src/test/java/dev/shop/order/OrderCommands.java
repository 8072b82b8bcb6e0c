package dev.shop.order;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.shop.events.CreateOrder;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.OrderLine;

/** Builds CreateOrder commands as the checkout workflow sends them: two mugs and a pen unless told otherwise. */
public final class OrderCommands {

    /** Configured in {@link OrderOnRealServers} as a customer whose orders are rejected. */
    public static final String REJECTED_CUSTOMER = "cus-rejected-drill";

    private String checkoutId = "chk-" + UUID.randomUUID();
    private String customerId = uniqueCustomerId();
    private String currency = "USD";
    private final List<OrderLine> lines = new ArrayList<>(List.of(
            new OrderLine("MUG-RED", "Ceramic Mug", 2, 1299),
            new OrderLine("PEN-BLUE", "Blue Pen", 1, 350)));

    public static OrderCommands anOrder() {
        return new OrderCommands();
    }

    /** A customer id no other test uses. */
    public static String uniqueCustomerId() {
        return "cus-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public OrderCommands customerId(String customerId) {
        this.customerId = customerId;
        return this;
    }

    public OrderCommands currency(String currency) {
        this.currency = currency;
        return this;
    }

    public String checkoutId() {
        return checkoutId;
    }

    public long totalCents() {
        return lines.stream().mapToLong(l -> l.quantity() * l.unitPriceCents()).sum();
    }

    public CreateOrder build() {
        return new CreateOrder("task-" + UUID.randomUUID(), checkoutId, customerId, lines, totalCents(), currency);
    }

    /** The command in a fresh envelope: each call is a new delivery attempt with its own event id. */
    public EventEnvelope<CreateOrder> envelope() {
        return EventEnvelope.of(EventTypes.CREATE_ORDER, "/functions/checkout", "corr-" + UUID.randomUUID(), build());
    }
}
