package dev.shop.cart.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.shop.events.CartChanged;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.OrderLine;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Carts in the cart's schema. Every change locks the cart's row first ({@code select ... for update}), so
 * concurrent changes to one cart queue up instead of overwriting each other; a refused change writes nothing.
 * A cart a checkout holds ({@link CartHolds}) refuses changes until that checkout ends.
 */
public class Carts {

    private static final String SOURCE = "/functions/cart";

    private final Jdbi jdbi;
    private final ProductPrices prices;
    private final Outbox outbox;
    private final String cartEventsTopic;

    public Carts(Jdbi jdbi, ProductPrices prices, Outbox outbox, String cartEventsTopic) {
        this.jdbi = jdbi;
        this.prices = prices;
        this.outbox = outbox;
        this.cartEventsTopic = cartEventsTopic;
    }

    public Optional<Cart> find(String cartId) {
        return jdbi.withHandle(h -> load(h, cartId, false));
    }

    /**
     * Adds {@code quantity} of a product, creating the cart on its first item. A new line takes the product's
     * current name and price from the replica; a SKU already in the cart keeps its line's price.
     */
    public CartOutcome add(String cartId, String sku, int quantity, String correlationId) {
        return jdbi.inTransaction(h -> {
            Optional<ProductPrice> product = prices.live(h, sku);
            if (product.isEmpty()) {
                return new CartOutcome.UnknownProduct(sku);
            }
            h.createUpdate("""
                            insert into carts (cart_id, version, created_at, updated_at)
                            values (:cartId, 0, now(), now())
                            on conflict (cart_id) do nothing""")
                    .bind("cartId", cartId)
                    .execute();
            Cart cart = load(h, cartId, true).orElseThrow();
            Optional<CartOutcome> refusal = cart.held()
                    ? Optional.of(new CartOutcome.InCheckout(cartId, cart.checkoutId()))
                    : cart.refusalToAdd(product.get(), quantity);
            if (refusal.isPresent()) {
                // Nothing of a refused add stays, not even a cart created for it.
                h.rollback();
                return refusal.get();
            }
            if (cart.line(sku).isPresent()) {
                h.createUpdate("update cart_items set quantity = quantity + :quantity where cart_id = :cartId and sku = :sku")
                        .bind("quantity", quantity)
                        .bind("cartId", cartId)
                        .bind("sku", sku)
                        .execute();
            } else {
                h.createUpdate("""
                                insert into cart_items (cart_id, sku, name, quantity, unit_price_cents, currency)
                                values (:cartId, :sku, :name, :quantity, :unitPriceCents, :currency)""")
                        .bind("cartId", cartId)
                        .bind("sku", sku)
                        .bind("name", product.get().name())
                        .bind("quantity", quantity)
                        .bind("unitPriceCents", product.get().priceCents())
                        .bind("currency", product.get().currency())
                        .execute();
            }
            return new CartOutcome.Updated(touch(h, cartId, correlationId));
        });
    }

    public CartOutcome setQuantity(String cartId, String sku, int quantity, String correlationId) {
        return jdbi.inTransaction(h -> {
            Optional<CartOutcome> refusal = refusalToChange(h, cartId);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            int updated = h.createUpdate("update cart_items set quantity = :quantity where cart_id = :cartId and sku = :sku")
                    .bind("quantity", quantity)
                    .bind("cartId", cartId)
                    .bind("sku", sku)
                    .execute();
            return updated == 0 ? new CartOutcome.ItemNotFound(cartId, sku) : new CartOutcome.Updated(touch(h, cartId, correlationId));
        });
    }

    public CartOutcome remove(String cartId, String sku, String correlationId) {
        return jdbi.inTransaction(h -> {
            Optional<CartOutcome> refusal = refusalToChange(h, cartId);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            int deleted = h.createUpdate("delete from cart_items where cart_id = :cartId and sku = :sku")
                    .bind("cartId", cartId)
                    .bind("sku", sku)
                    .execute();
            return deleted == 0 ? new CartOutcome.ItemNotFound(cartId, sku) : new CartOutcome.Updated(touch(h, cartId, correlationId));
        });
    }

    public CartRemoval delete(String cartId, String correlationId) {
        return jdbi.inTransaction(h -> {
            Optional<Cart> cart = load(h, cartId, true);
            if (cart.isEmpty()) {
                return new CartRemoval.NotFound(cartId);
            }
            if (cart.get().held()) {
                return new CartRemoval.InCheckout(cartId, cart.get().checkoutId());
            }
            h.createUpdate("delete from carts where cart_id = :cartId").bind("cartId", cartId).execute();
            publish(h, new CartChanged(cartId, List.of(), null, true, nextEventVersion(h), Instant.now()),
                    correlationId);
            return new CartRemoval.Deleted(cartId);
        });
    }

    /** Why the cart's lines must not change now, if they must not: it is unknown, or a checkout holds it. */
    private static Optional<CartOutcome> refusalToChange(Handle h, String cartId) {
        Optional<Cart> cart = load(h, cartId, true);
        if (cart.isEmpty()) {
            return Optional.of(new CartOutcome.CartNotFound(cartId));
        }
        return cart.get().held()
                ? Optional.of(new CartOutcome.InCheckout(cartId, cart.get().checkoutId()))
                : Optional.empty();
    }

    /** Counts a change: a new version, the time of it (never earlier than the last), and its event. */
    Cart touch(Handle h, String cartId, String correlationId) {
        h.createUpdate("""
                        update carts set version = version + 1,
                                         updated_at = greatest(clock_timestamp(), updated_at)
                         where cart_id = :cartId""")
                .bind("cartId", cartId)
                .execute();
        Cart cart = load(h, cartId, false).orElseThrow();
        publish(h, new CartChanged(cartId,
                cart.items().stream().map(l -> new OrderLine(l.sku(), l.name(), l.quantity(), l.unitPriceCents()))
                        .toList(),
                cart.items().isEmpty() ? null : cart.currency(), false, nextEventVersion(h), cart.updatedAt(),
                cart.version()),
                correlationId);
        return cart;
    }

    private void publish(Handle h, CartChanged changed, String correlationId) {
        outbox.append(h, cartEventsTopic, changed.cartId(),
                EventEnvelope.of(EventTypes.CART_CHANGED, SOURCE, correlationId, changed));
    }

    private static long nextEventVersion(Handle h) {
        return h.createQuery("select nextval('cart_change_seq')").mapTo(Long.class).one();
    }

    /** The cart with its lines; {@code lock} takes its row for the rest of the transaction. */
    static Optional<Cart> load(Handle h, String cartId, boolean lock) {
        // A hold past its time no longer counts: the checkout that took it has timed out.
        return h.createQuery("""
                        select version, updated_at, case when held_until > now() then held_by end as held_by
                          from carts where cart_id = :cartId""" + (lock ? " for update" : ""))
                .bind("cartId", cartId)
                .map((rs, ctx) -> new CartHeader(rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("held_by")))
                .findOne()
                .map(header -> Cart.of(cartId, lines(h, cartId), header.version(), header.updatedAt(),
                        header.heldBy()));
    }

    private static List<CartLine> lines(Handle h, String cartId) {
        return h.createQuery("""
                        select sku, name, quantity, unit_price_cents, currency
                          from cart_items where cart_id = :cartId
                         order by added_seq""")
                .bind("cartId", cartId)
                .map(Carts::line)
                .list();
    }

    private static CartLine line(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CartLine(rs.getString("sku"), rs.getString("name"), rs.getInt("quantity"),
                rs.getLong("unit_price_cents"), rs.getString("currency").trim());
    }

    private record CartHeader(long version, Instant updatedAt, String heldBy) {
    }
}
