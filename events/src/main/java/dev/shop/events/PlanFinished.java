package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The assistant's {@code executePlan} finished a plan: it completed, stopped to ask the shopper
 * (a clarification, a shortage, a checkout still running) or failed. One per plan, keyed by the
 * session, so a notifier can tell the shopper's conversation what happened.
 *
 * @param sessionId  the assistant conversation the plan belongs to
 * @param customerId the customer the plan ran for
 * @param status     {@code COMPLETED}, {@code NEEDS_INPUT} or {@code FAILED}, as executePlan answered
 * @param message    what the assistant told the shopper
 * @param checkoutId the checkout the plan started, may be null
 * @param orderId    the order the plan placed, may be null
 * @param finishedAt when executePlan finished the plan
 */
public record PlanFinished(
        @JsonProperty(required = true) String sessionId,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) @OneOf({"COMPLETED", "NEEDS_INPUT", "FAILED"}) String status,
        @JsonProperty(required = true) String message,
        String checkoutId,
        String orderId,
        @JsonProperty(required = true) Instant finishedAt) {

    /** The values {@code status} takes, as its {@link OneOf} publishes them. */
    public static final List<String> STATUSES = List.of("COMPLETED", "NEEDS_INPUT", "FAILED");

    public PlanFinished {
        Require.text(sessionId, "PlanFinished.sessionId");
        Require.text(customerId, "PlanFinished.customerId");
        Require.oneOf(status, STATUSES, "PlanFinished.status");
        Require.text(message, "PlanFinished.message");
        Require.present(finishedAt, "PlanFinished.finishedAt");
    }
}
