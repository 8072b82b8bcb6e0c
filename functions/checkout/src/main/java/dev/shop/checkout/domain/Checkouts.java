package dev.shop.checkout.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.workflow.ExecutionNotifications;
import dev.shop.workflow.ExecutionStatus;
import dev.shop.workflow.ExecutionSummary;
import dev.shop.workflow.ExecutionView;
import dev.shop.workflow.WorkflowEngine;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts checkouts: one per Idempotency-Key, one running per cart. The checkout row and the saga's first step
 * (FreezeCart: the cart holds itself and says what it holds) commit together; then the request waits, on a
 * notification and not by polling, until the cart has answered, so a shopper hears at once that an empty or
 * unknown cart cannot be bought, and a cart change acknowledged before the request is what the checkout buys.
 */
public class Checkouts {

    /** The saga's first state: the cart decides what the checkout buys. */
    public static final String CART_DECISION_STATE = "FreezeCart";

    private final Jdbi jdbi;
    private final WorkflowEngine saga;
    private final ExecutionNotifications steps;
    private final ObjectMapper mapper;
    private final Duration decisionWait;

    public Checkouts(Jdbi jdbi, WorkflowEngine saga, ExecutionNotifications steps, ObjectMapper mapper,
                     Duration decisionWait) {
        this.jdbi = jdbi;
        this.saga = saga;
        this.steps = steps;
        this.mapper = mapper;
        this.decisionWait = decisionWait;
    }

    public CheckoutStart start(String idempotencyKey, CheckoutRequest request, String correlationId) {
        String hash = hash(request);
        CheckoutStart begun = jdbi.inTransaction(handle -> {
            // Serialize requests with the same key: the second waits, then sees the first's row.
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", idempotencyKey);
            Optional<CheckoutStart> known = byKey(handle, idempotencyKey, hash);
            if (known.isPresent()) {
                return known.get();
            }
            // And checkouts of one cart: two keys for one cart must not both see it free.
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "checkout-of-cart:" + request.cartId());
            Optional<String> running = runningCheckoutOf(handle, request.cartId());
            if (running.isPresent()) {
                return new CheckoutStart.CartInCheckout(request.cartId(), running.get());
            }
            String checkoutId = "chk_" + UUID.randomUUID().toString().replace("-", "");
            handle.createUpdate("""
                            insert into checkouts (checkout_id, idempotency_key, request_hash, cart_id, customer_id)
                            values (:checkoutId, :key, :hash, :cartId, :customerId)""")
                    .bind("checkoutId", checkoutId)
                    .bind("key", idempotencyKey)
                    .bind("hash", hash)
                    .bind("cartId", request.cartId())
                    .bind("customerId", request.customerId())
                    .execute();
            // Jdbi nests this in the same transaction: the row and the saga's first command commit together.
            saga.start(checkoutId, input(checkoutId, request), correlationId);
            return new CheckoutStart.Started(checkoutId);
        });
        return switch (begun) {
            case CheckoutStart.Started started -> afterCartDecision(started, started.checkoutId());
            case CheckoutStart.Replayed replayed -> afterCartDecision(replayed, replayed.checkoutId());
            default -> begun;
        };
    }

    public Optional<ExecutionView> describe(String checkoutId) {
        return saga.describe(checkoutId);
    }

    /**
     * The checkout once it has ended, or as it stands when {@code query.atMost()} runs out: woken by the engine's
     * step notifications (every step NOTIFYs on commit), re-read after each, never polled on a timer.
     */
    public Optional<ExecutionView> describe(GetCheckout query) {
        Optional<ExecutionView> view = saga.describe(query.checkoutId());
        if (view.isEmpty() || view.get().status() != ExecutionStatus.RUNNING || query.atMost().isZero()) {
            return view;
        }
        long deadline = System.nanoTime() + query.atMost().toNanos();
        try (ExecutionNotifications.Watch watch = steps.watch(query.checkoutId())) {
            while (true) {
                // Read after the watch is in place, so a step committed meanwhile is either seen or announced.
                ExecutionSummary execution = saga.summary(query.checkoutId()).orElseThrow(() ->
                        new IllegalStateException("checkout " + query.checkoutId() + " has no execution"));
                long remaining = deadline - System.nanoTime();
                if (execution.status() != ExecutionStatus.RUNNING || remaining <= 0) {
                    return saga.describe(query.checkoutId());
                }
                watch.awaitStep(Duration.ofNanos(remaining));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return saga.describe(query.checkoutId());
        }
    }

    /**
     * Waits until the cart has said what the checkout buys, at most {@code decisionWait}: a refusal ends the
     * checkout and is answered as such; anything else (held, or no answer yet) is the checkout under way.
     */
    private CheckoutStart afterCartDecision(CheckoutStart begun, String checkoutId) {
        long deadline = System.nanoTime() + decisionWait.toNanos();
        try (ExecutionNotifications.Watch watch = steps.watch(checkoutId)) {
            while (true) {
                ExecutionSummary execution = saga.summary(checkoutId).orElseThrow(() ->
                        new IllegalStateException("checkout " + checkoutId + " has no execution"));
                if (execution.status() != ExecutionStatus.RUNNING
                        || !CART_DECISION_STATE.equals(execution.currentState())) {
                    return refusal(execution).orElse(begun);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return begun;
                }
                watch.awaitStep(Duration.ofNanos(remaining));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return begun;
        }
    }

    private static Optional<CheckoutStart> refusal(ExecutionSummary execution) {
        if (execution.status() != ExecutionStatus.FAILED) {
            return Optional.empty();
        }
        return CheckoutStart.CartRefusal.of(execution.error()).map(refusal ->
                new CheckoutStart.CartRefused(execution.executionId(), refusal, execution.cause()));
    }

    private Optional<CheckoutStart> byKey(Handle handle, String key, String hash) {
        return handle.createQuery("select checkout_id, request_hash from checkouts where idempotency_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> hash.equals(rs.getString("request_hash"))
                        ? (CheckoutStart) new CheckoutStart.Replayed(rs.getString("checkout_id"))
                        : new CheckoutStart.KeyReused(rs.getString("checkout_id")))
                .findOne();
    }

    private Optional<String> runningCheckoutOf(Handle handle, String cartId) {
        return handle.createQuery("""
                        select c.checkout_id from checkouts c join executions e on e.id = c.checkout_id
                         where c.cart_id = :cartId and e.status = :running limit 1""")
                .bind("cartId", cartId)
                .bind("running", ExecutionStatus.RUNNING.name())
                .mapTo(String.class)
                .findOne();
    }

    private ObjectNode input(String checkoutId, CheckoutRequest request) {
        ObjectNode input = mapper.createObjectNode();
        input.put("checkoutId", checkoutId);
        input.put("cartId", request.cartId());
        input.put("customerId", request.customerId());
        input.put("paymentToken", request.paymentToken());
        // Always present, so the saga's path finds it; null buys the cart as it is.
        input.put("cartVersion", request.cartVersion());
        return input;
    }

    private static String hash(CheckoutRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (request.cartId() + "\n" + request.customerId() + "\n" + request.paymentToken() + "\n"
                            + request.cartVersion())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
