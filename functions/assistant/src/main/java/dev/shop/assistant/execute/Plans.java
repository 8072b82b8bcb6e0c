package dev.shop.assistant.execute;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.domain.ExecuteResult;
import org.jdbi.v3.core.Jdbi;

/**
 * The plans that outlived their request, in the assistant's schema, so any instance (a poll, the sweep) can finish
 * them. Finishing is a conditional update: of two instances finishing one plan, one wins and announces it.
 */
public class Plans {

    public static final String RUNNING = "RUNNING";

    /** A stored plan: RUNNING with what finishing needs, or ended with its result. */
    public record Stored(String planId, String status, String correlationId, PendingPlan pending,
                         ExecuteResult result) {
    }

    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    public Plans(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    public String save(PendingPlan pending, String correlationId) {
        String planId = "plan_" + UUID.randomUUID().toString().replace("-", "");
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into plans (plan_id, status, session_id, customer_id, cart_id, checkout_id,
                                           correlation_id, continuation)
                        values (:id, :status, :session, :customer, :cart, :checkout, :correlation,
                                cast(:continuation as jsonb))""")
                .bind("id", planId)
                .bind("status", RUNNING)
                .bind("session", pending.sessionId())
                .bind("customer", pending.customerId())
                .bind("cart", pending.cartId())
                .bind("checkout", pending.checkoutId())
                .bind("correlation", correlationId)
                .bind("continuation", json(pending))
                .execute());
        return planId;
    }

    public Optional<Stored> find(String planId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select plan_id, status, correlation_id, continuation::text as continuation,
                               result::text as result from plans where plan_id = :id""")
                .bind("id", planId)
                .map((rs, ctx) -> stored(rs.getString("plan_id"), rs.getString("status"),
                        rs.getString("correlation_id"), rs.getString("continuation"), rs.getString("result")))
                .findOne());
    }

    /** Running plans, least recently looked at first. */
    public List<String> running(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select plan_id from plans where status = :running order by updated_at limit :limit""")
                .bind("running", RUNNING)
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
    }

    /** Records how a running plan ended; false when another instance recorded it first. */
    public boolean finish(String planId, ExecuteResult result) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update plans set status = :status, result = cast(:result as jsonb), updated_at = now()
                         where plan_id = :id and status = :running""")
                .bind("id", planId)
                .bind("status", result.status())
                .bind("result", json(result))
                .bind("running", RUNNING)
                .execute()) == 1;
    }

    /** Marks a running plan as looked at, so the sweep goes round all of them. */
    public void touch(String planId) {
        jdbi.useHandle(h -> h.createUpdate("update plans set updated_at = now() where plan_id = :id")
                .bind("id", planId).execute());
    }

    private Stored stored(String planId, String status, String correlationId, String continuation, String result) {
        try {
            return new Stored(planId, status, correlationId, mapper.readValue(continuation, PendingPlan.class),
                    result == null ? null : mapper.readValue(result, ExecuteResult.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan " + planId + " could not be read", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan could not be written", e);
        }
    }
}
