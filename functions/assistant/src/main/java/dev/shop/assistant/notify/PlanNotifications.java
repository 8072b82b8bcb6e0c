package dev.shop.assistant.notify;

import java.time.Clock;
import java.util.function.Supplier;

import dev.shop.assistant.domain.ExecuteRequest;
import dev.shop.assistant.domain.ExecuteResult;
import dev.shop.assistant.execute.PendingPlan;
import dev.shop.assistant.execute.Plans;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.PlanFinished;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * executePlan's notification: one {@link PlanFinished} per plan that COMPLETED, stopped with NEEDS_INPUT (a
 * clarification included) or FAILED, appended to the assistant's outbox keyed by the session, with the request's
 * correlation id as subject; the outbox relay publishes it. The plan's own changes live in other services, so the
 * append is a transaction of its own, after the plan. A plan that throws (e.g. the shop's API unreachable) is
 * reported as FAILED and the exception goes on. A request without a session has no conversation to notify and
 * produces nothing. Failing to record the event is logged and does not fail the plan's answer: the plan already
 * happened.
 */
public class PlanNotifications {

    static final String SOURCE = "/functions/assistant";
    static final String UNFINISHED = "I could not carry out the plan: the shop did not answer. Please try again.";

    private static final Logger log = LoggerFactory.getLogger(PlanNotifications.class);

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final String topic;
    private final Clock clock;

    public PlanNotifications(Jdbi jdbi, Outbox outbox, String topic, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.topic = topic;
        this.clock = clock;
    }

    /** Runs {@code plan} for {@code request} and records how it finished. */
    public ExecuteResult run(ExecuteRequest request, String correlationId, Supplier<ExecuteResult> plan) {
        ExecuteResult result;
        try {
            result = plan.get();
        } catch (RuntimeException e) {
            finished(request, correlationId, "FAILED", UNFINISHED, null, null);
            throw e;
        }
        if (!result.running()) {
            finished(request, correlationId, result.status(), result.message(), result.checkoutId(), result.orderId());
        }
        return result;
    }

    /** A plan that outlived its request has ended (getPlan or resumePlans finished it): announced as any other. */
    public void finished(Plans.Stored plan, ExecuteResult result) {
        PendingPlan pending = plan.pending();
        finished(new ExecuteRequest(pending.sessionId(), pending.cartId(), pending.customerId(), null, null, null),
                plan.correlationId(), result.status(), result.message(), result.checkoutId(), result.orderId());
    }

    private void finished(ExecuteRequest request, String correlationId, String status, String message,
                          String checkoutId, String orderId) {
        String sessionId = request.sessionId();
        if (sessionId == null || sessionId.isBlank()) {
            return;
        }
        if (!PlanFinished.STATUSES.contains(status)) {
            log.warn("executePlan answered status {}, which PlanFinished does not carry (correlation id {})", status,
                    correlationId);
            return;
        }
        try {
            PlanFinished event = new PlanFinished(sessionId, request.customerId(), status,
                    message == null || message.isBlank() ? status : message, checkoutId, orderId, clock.instant());
            jdbi.useTransaction(h -> outbox.append(h, topic, sessionId,
                    EventEnvelope.of(EventTypes.PLAN_FINISHED, SOURCE, correlationId, event)));
        } catch (RuntimeException e) {
            log.error("could not record PlanFinished {} for session {} (correlation id {})", status, sessionId,
                    correlationId, e);
        }
    }
}
