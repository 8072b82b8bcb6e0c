package dev.shop.checkout.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.events.StockLine;
import dev.shop.workflow.ExecutionStatus;
import dev.shop.workflow.ExecutionView;
import dev.shop.workflow.WorkflowEngine;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts checkouts: one per Idempotency-Key, one running per cart, only for a cart the checkout knows to
 * hold items. The checkout row and the saga's first step commit together.
 */
public class Checkouts {

    private static final java.time.Duration CATCH_UP = java.time.Duration.ofSeconds(3);

    private final Jdbi jdbi;
    private final CartSnapshots carts;
    private final WorkflowEngine saga;
    private final ObjectMapper mapper;

    public Checkouts(Jdbi jdbi, CartSnapshots carts, WorkflowEngine saga, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.carts = carts;
        this.saga = saga;
        this.mapper = mapper;
    }

    public CheckoutStart start(String idempotencyKey, CheckoutRequest request, String correlationId) {
        String hash = hash(request);
        if (request.cartVersion() != null) {
            awaitCartVersion(request.cartId(), request.cartVersion());
        }
        return jdbi.inTransaction(handle -> {
            // Serialize requests with the same key: the second waits, then sees the first's row.
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", idempotencyKey);
            Optional<CheckoutStart> known = byKey(handle, idempotencyKey, hash);
            if (known.isPresent()) {
                return known.get();
            }
            Optional<CartSnapshot> cart = carts.lock(handle, request.cartId());
            if (cart.isEmpty() || cart.get().deleted()) {
                return new CheckoutStart.CartNotFound(request.cartId());
            }
            Long held = cart.get().cartVersion();
            if (request.cartVersion() != null && (held == null || held < request.cartVersion())) {
                return new CheckoutStart.CartNotCaughtUp(request.cartId(), request.cartVersion());
            }
            if (request.cartVersion() != null && held > request.cartVersion()) {
                return new CheckoutStart.CartChangedSince(request.cartId(), request.cartVersion(), held);
            }
            if (cart.get().empty()) {
                return new CheckoutStart.CartEmpty(request.cartId());
            }
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
            saga.start(checkoutId, input(checkoutId, request, cart.get()), correlationId);
            return new CheckoutStart.Started(checkoutId);
        });
    }

    /**
     * The replica fills from the cart's events, milliseconds behind the cart: when the shopper names a newer
     * version than it holds, give it a moment before answering "not yet".
     */
    private void awaitCartVersion(String cartId, long wanted) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> held = jdbi.withHandle(h -> carts.cartVersion(h, cartId));
            if (held.isPresent() && held.get() >= wanted) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public Optional<ExecutionView> describe(String checkoutId) {
        return saga.describe(checkoutId);
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

    private ObjectNode input(String checkoutId, CheckoutRequest request, CartSnapshot cart) {
        ObjectNode input = mapper.createObjectNode();
        input.put("checkoutId", checkoutId);
        input.put("cartId", request.cartId());
        input.put("customerId", request.customerId());
        input.put("paymentToken", request.paymentToken());
        input.set("lines", mapper.valueToTree(cart.lines()));
        input.set("stockLines", mapper.valueToTree(cart.lines().stream()
                .map(l -> new StockLine(l.sku(), l.quantity())).toList()));
        input.put("totalCents", cart.totalCents());
        input.put("currency", cart.currency());
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
