package dev.shop.cart.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shop.events.ClearCart;
import dev.shop.events.EventEnvelope;
import dev.shop.events.FreezeCart;
import dev.shop.events.OrderLine;
import dev.shop.events.ReleaseCart;
import dev.shop.events.StockLine;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Handle;

/**
 * The checkout saga's side of carts: a checkout holds its cart and is told exactly what it holds, then takes
 * what it bought out of it, or lets it go.
 *
 * <p>Each command runs in the transaction the invocation layer opens with its event id recorded (a redelivery changes
 * nothing and replies nothing): it locks the cart's row, applies the change and appends the reply to the outbox. Every hold is kept in
 * {@code cart_holds} after it ends, so a late FreezeCart of an ended checkout (a retry whose earlier attempt
 * was only slow) holds nothing.
 */
public class CartHolds {

    public static final String CART_NOT_FOUND = "Cart.NotFound";
    public static final String CART_EMPTY = "Cart.Empty";
    public static final String VERSION_MISMATCH = "Cart.VersionMismatch";
    public static final String IN_CHECKOUT = "Cart.InCheckout";
    public static final String CHECKOUT_ENDED = "Cart.CheckoutEnded";

    private final Carts carts;
    private final TaskReplies replies;

    public CartHolds(Carts carts, TaskReplies replies) {
        this.carts = carts;
        this.replies = replies;
    }

    /** Holds the cart for the checkout and replies with its lines, inside the caller's transaction. */
    public HoldOutcome freeze(Handle h, EventEnvelope<FreezeCart> event) {
        FreezeCart command = event.data();
        HoldOutcome outcome = freeze(h, command);
        if (outcome instanceof HoldOutcome.Held held) {
            replies.succeeded(h, event, command.checkoutId(), command.taskToken(), purchase(held.cart()));
        } else {
            replies.failed(h, event, command.checkoutId(), command.taskToken(), error(outcome), cause(outcome));
        }
        return outcome;
    }

    /** Lets the cart go, unchanged, inside the caller's transaction; whether the checkout held it. */
    public boolean release(Handle h, EventEnvelope<ReleaseCart> event) {
        ReleaseCart command = event.data();
        boolean released = end(h, command.cartId(), command.checkoutId(), "RELEASED");
        replies.succeeded(h, event, command.checkoutId(), command.taskToken(), Map.of("released", released));
        return released;
    }

    /**
     * Takes what the checkout bought out of the cart and ends its hold, inside the caller's transaction; the cart
     * keeps anything else. Whether there was anything to take out.
     */
    public boolean clear(Handle h, EventEnvelope<ClearCart> event) {
        ClearCart command = event.data();
        boolean cleared = takeOut(h, command, event.subject());
        end(h, command.cartId(), command.checkoutId(), "CLEARED");
        replies.succeeded(h, event, command.checkoutId(), command.taskToken(), Map.of("cleared", cleared));
        return cleared;
    }

    private HoldOutcome freeze(Handle h, FreezeCart command) {
        String checkoutId = command.checkoutId();
        Optional<String> ended = h.createQuery(
                        "select status from cart_holds where checkout_id = :checkoutId and status <> 'HELD'")
                .bind("checkoutId", checkoutId)
                .mapTo(String.class)
                .findOne();
        if (ended.isPresent()) {
            return new HoldOutcome.CheckoutEnded(checkoutId);
        }
        Optional<Cart> found = Carts.load(h, command.cartId(), true);
        if (found.isEmpty()) {
            return new HoldOutcome.CartNotFound(command.cartId());
        }
        Cart cart = found.get();
        if (checkoutId.equals(cart.checkoutId())) {
            // A retry of this checkout's own hold: the cart cannot have changed since.
            return new HoldOutcome.Held(cart);
        }
        if (cart.held()) {
            return new HoldOutcome.InCheckout(cart.cartId(), cart.checkoutId());
        }
        if (command.cartVersion() != null && command.cartVersion() != cart.version()) {
            return new HoldOutcome.VersionMismatch(cart.cartId(), command.cartVersion(), cart.version());
        }
        if (cart.items().isEmpty()) {
            return new HoldOutcome.CartEmpty(cart.cartId());
        }
        h.createUpdate("""
                        update carts set held_by = :checkoutId, held_until = now() + make_interval(secs => :seconds)
                         where cart_id = :cartId""")
                .bind("checkoutId", checkoutId)
                .bind("seconds", (double) command.holdSeconds())
                .bind("cartId", cart.cartId())
                .execute();
        h.createUpdate("""
                        insert into cart_holds (checkout_id, cart_id, status, created_at)
                        values (:checkoutId, :cartId, 'HELD', now())
                        on conflict (checkout_id) do nothing""")
                .bind("checkoutId", checkoutId)
                .bind("cartId", cart.cartId())
                .execute();
        // Ended holds of this cart are kept long enough to refuse any late command of theirs, then dropped.
        h.createUpdate("delete from cart_holds where cart_id = :cartId and ended_at < now() - interval '1 day'")
                .bind("cartId", cart.cartId())
                .execute();
        return new HoldOutcome.Held(cart);
    }

    /**
     * Ends the checkout's hold with {@code status}, or records that it ended when its hold never arrived; a
     * cleared hold stays cleared. Returns whether the cart was held by it.
     */
    private static boolean end(Handle h, String cartId, String checkoutId, String status) {
        boolean held = h.createUpdate("""
                        update carts set held_by = null, held_until = null
                         where cart_id = :cartId and held_by = :checkoutId""")
                .bind("cartId", cartId)
                .bind("checkoutId", checkoutId)
                .execute() == 1;
        h.createUpdate("""
                        insert into cart_holds (checkout_id, cart_id, status, created_at, ended_at)
                        values (:checkoutId, :cartId, :status, now(), now())
                        on conflict (checkout_id) do update set status = excluded.status, ended_at = excluded.ended_at
                         where cart_holds.status = 'HELD'""")
                .bind("checkoutId", checkoutId)
                .bind("cartId", cartId)
                .bind("status", status)
                .execute();
        return held;
    }

    /** Takes the bought quantities out of the cart's lines (all of them for a command that names none). */
    private boolean takeOut(Handle h, ClearCart command, String correlationId) {
        Optional<Cart> cart = Carts.load(h, command.cartId(), true);
        if (cart.isEmpty() || cart.get().items().isEmpty()) {
            return false;
        }
        if (command.lines().isEmpty()) {
            h.createUpdate("delete from cart_items where cart_id = :cartId").bind("cartId", command.cartId()).execute();
        } else {
            Map<String, Integer> bought = new HashMap<>();
            command.lines().forEach(line -> bought.merge(line.sku(), line.quantity(), Integer::sum));
            for (Map.Entry<String, Integer> line : bought.entrySet()) {
                h.createUpdate("delete from cart_items where cart_id = :cartId and sku = :sku and quantity <= :bought")
                        .bind("cartId", command.cartId())
                        .bind("sku", line.getKey())
                        .bind("bought", line.getValue())
                        .execute();
                h.createUpdate("update cart_items set quantity = quantity - :bought where cart_id = :cartId and sku = :sku")
                        .bind("cartId", command.cartId())
                        .bind("sku", line.getKey())
                        .bind("bought", line.getValue())
                        .execute();
            }
        }
        carts.touch(h, command.cartId(), correlationId);
        return true;
    }

    /** What the checkout buys: the cart's lines at their snapshot prices, its total and its version. */
    private static Map<String, Object> purchase(Cart cart) {
        List<OrderLine> lines = cart.items().stream()
                .map(l -> new OrderLine(l.sku(), l.name(), l.quantity(), l.unitPriceCents()))
                .toList();
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("cartVersion", cart.version());
        output.put("lines", lines);
        output.put("stockLines", lines.stream().map(l -> new StockLine(l.sku(), l.quantity())).toList());
        output.put("totalCents", cart.totalCents());
        output.put("currency", cart.currency());
        return output;
    }

    /** The error name the checkout's workflow matches on. */
    static String error(HoldOutcome refusal) {
        return switch (refusal) {
            case HoldOutcome.Held held -> throw new IllegalArgumentException("a hold is no refusal");
            case HoldOutcome.CartNotFound missing -> CART_NOT_FOUND;
            case HoldOutcome.CartEmpty empty -> CART_EMPTY;
            case HoldOutcome.VersionMismatch mismatch -> VERSION_MISMATCH;
            case HoldOutcome.InCheckout busy -> IN_CHECKOUT;
            case HoldOutcome.CheckoutEnded ended -> CHECKOUT_ENDED;
        };
    }

    /** Words for the shopper; the checkout shows them as the reason it did not start. */
    static String cause(HoldOutcome refusal) {
        return switch (refusal) {
            case HoldOutcome.Held held -> throw new IllegalArgumentException("a hold is no refusal");
            case HoldOutcome.CartNotFound missing -> "No cart " + missing.cartId() + " to check out.";
            case HoldOutcome.CartEmpty empty -> "Cart " + empty.cartId() + " is empty; add items before checking out.";
            case HoldOutcome.VersionMismatch mismatch -> mismatch.requested() < mismatch.current()
                    ? "Cart " + mismatch.cartId() + " changed since version " + mismatch.requested() + " (now "
                            + mismatch.current() + "); review it and check out again."
                    : "Cart " + mismatch.cartId() + " has no version " + mismatch.requested() + " (it is at version "
                            + mismatch.current() + "); review it and check out again.";
            case HoldOutcome.InCheckout busy -> "Cart " + busy.cartId() + " is already being checked out as "
                    + busy.checkoutId() + ".";
            case HoldOutcome.CheckoutEnded ended -> "Checkout " + ended.checkoutId()
                    + " has already ended; start a new one to buy the cart.";
        };
    }

    /** What a FreezeCart did. */
    public sealed interface HoldOutcome {

        /** The cart is held for the checkout; these are the contents it buys. */
        record Held(Cart cart) implements HoldOutcome {
        }

        record CartNotFound(String cartId) implements HoldOutcome {
        }

        record CartEmpty(String cartId) implements HoldOutcome {
        }

        /** The shopper asked to buy a version of the cart that is not the current one. */
        record VersionMismatch(String cartId, long requested, long current) implements HoldOutcome {
        }

        /** Another checkout holds the cart. */
        record InCheckout(String cartId, String checkoutId) implements HoldOutcome {
        }

        /** This checkout already ended (released or cleared): a late command holds nothing. */
        record CheckoutEnded(String checkoutId) implements HoldOutcome {
        }
    }
}
