package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command: charge the shopper for a checkout, at most once per checkout. Answered with a
 * {@link TaskSucceeded} ({@code paymentId}) or a {@link TaskFailed} with error {@code Payment.Declined}
 * (permanent) or {@code Payment.Unavailable} (transient: retry).
 *
 * @param taskToken    returned unchanged in the reply
 * @param checkoutId   the checkout (the idempotency key of the charge)
 * @param customerId   who pays
 * @param amountCents  how much, in the currency's minor unit; not negative
 * @param currency     ISO 4217 code
 * @param paymentToken the payment method's token from the payment provider
 */
public record ProcessPayment(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String checkoutId,
        @JsonProperty(required = true) String customerId,
        @Minimum(0) long amountCents,
        @JsonProperty(required = true) String currency,
        @JsonProperty(required = true) String paymentToken) {

    public ProcessPayment {
        Require.text(taskToken, "ProcessPayment.taskToken");
        Require.text(checkoutId, "ProcessPayment.checkoutId");
        Require.text(customerId, "ProcessPayment.customerId");
        Require.atLeast(amountCents, 0, "ProcessPayment.amountCents");
        Require.text(currency, "ProcessPayment.currency");
        Require.text(paymentToken, "ProcessPayment.paymentToken");
    }
}
