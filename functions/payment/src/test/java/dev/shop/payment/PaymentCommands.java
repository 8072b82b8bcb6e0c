package dev.shop.payment;

import java.util.UUID;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProcessPayment;
import dev.shop.events.RefundPayment;

/** Builds payment commands as the checkout workflow sends them: a tok_visa charge of 42.00 USD unless told otherwise. */
public final class PaymentCommands {

    private String checkoutId = uniqueCheckoutId();
    private String customerId = "cus-" + UUID.randomUUID().toString().substring(0, 8);
    private long amountCents = 4200;
    private String currency = "USD";
    private String paymentToken = "tok_visa";

    public static PaymentCommands aCharge() {
        return new PaymentCommands();
    }

    /** A checkout id no other test uses. */
    public static String uniqueCheckoutId() {
        return "chk-" + UUID.randomUUID();
    }

    /** A RefundPayment for the checkout, with a fresh event id and task token. */
    public static EventEnvelope<RefundPayment> refundOf(String checkoutId) {
        return EventEnvelope.of(EventTypes.REFUND_PAYMENT, "/functions/checkout", "corr-" + UUID.randomUUID(),
                new RefundPayment("task-" + UUID.randomUUID(), checkoutId));
    }

    public PaymentCommands checkoutId(String checkoutId) {
        this.checkoutId = checkoutId;
        return this;
    }

    public PaymentCommands amountCents(long amountCents) {
        this.amountCents = amountCents;
        return this;
    }

    public PaymentCommands currency(String currency) {
        this.currency = currency;
        return this;
    }

    public PaymentCommands token(String paymentToken) {
        this.paymentToken = paymentToken;
        return this;
    }

    public String checkoutId() {
        return checkoutId;
    }

    public ProcessPayment build() {
        return new ProcessPayment("task-" + UUID.randomUUID(), checkoutId, customerId, amountCents, currency,
                paymentToken);
    }

    /** The command in a fresh envelope: each call is a new delivery attempt with its own event id. */
    public EventEnvelope<ProcessPayment> envelope() {
        return EventEnvelope.of(EventTypes.PROCESS_PAYMENT, "/functions/checkout", "corr-" + UUID.randomUUID(),
                build());
    }
}
