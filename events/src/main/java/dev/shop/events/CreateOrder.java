package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Command: record the order of a paid checkout, at most once per checkout. Answered with a
 * {@link TaskSucceeded} ({@code orderId}) or a {@link TaskFailed} ({@code Order.Rejected}).
 *
 * @param taskToken  returned unchanged in the reply
 * @param checkoutId the checkout (the idempotency key of the order)
 * @param customerId who ordered
 * @param lines      what was bought, at the prices paid; at least one
 * @param totalCents the amount charged, in the currency's minor unit; not negative
 * @param currency   ISO 4217 code
 */
public record CreateOrder(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String checkoutId,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) @NonEmpty List<OrderLine> lines,
        @Minimum(0) long totalCents,
        @JsonProperty(required = true) String currency) {

    public CreateOrder {
        Require.text(taskToken, "CreateOrder.taskToken");
        Require.text(checkoutId, "CreateOrder.checkoutId");
        Require.text(customerId, "CreateOrder.customerId");
        lines = Require.nonEmptyList(lines, "CreateOrder.lines");
        Require.atLeast(totalCents, 0, "CreateOrder.totalCents");
        Require.text(currency, "CreateOrder.currency");
    }
}
