package dev.shop.cart.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The cart's replica of catalog names and prices, kept from the catalog's product events: the cart never
 * calls the catalog. Each event applies once (the invocation layer records its id in the same transaction) and
 * only if it is newer than the row it would replace; a delete leaves a tombstone that older changes cannot
 * overwrite.
 */
public class ProductPrices {

    private static final String COLUMNS = "sku, name, price_cents, currency, version, deleted";

    /** What applying one event did. */
    public enum Sync {
        /** The replica now holds the event's state. */
        APPLIED,
        /** The replica already held this version or a newer one; nothing changed. */
        STALE
    }

    private final Jdbi jdbi;

    public ProductPrices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The replica's row for the SKU, tombstones included. */
    public Optional<ProductPrice> find(String sku) {
        return jdbi.withHandle(h -> row(h, sku));
    }

    /** The product as it may be added to a cart: known and not deleted. */
    Optional<ProductPrice> live(Handle h, String sku) {
        return row(h, sku).filter(product -> !product.deleted());
    }

    /** Applies a product change inside the caller's transaction, if it is newer than what the replica holds. */
    public Sync changed(Handle h, ProductChanged event) {
        int written = h.createUpdate("""
                        insert into product_prices as p (sku, name, price_cents, currency, version, deleted,
                                                         updated_at)
                        values (:sku, :name, :priceCents, :currency, :version, false, now())
                        on conflict (sku) do update
                           set name = excluded.name, price_cents = excluded.price_cents,
                               currency = excluded.currency, version = excluded.version, deleted = false,
                               updated_at = now()
                         where p.version < excluded.version""")
                .bind("sku", event.sku())
                .bind("name", event.name())
                .bind("priceCents", event.priceCents())
                .bind("currency", event.currency())
                .bind("version", event.version())
                .execute();
        return written == 1 ? Sync.APPLIED : Sync.STALE;
    }

    /** Applies a product deletion inside the caller's transaction, leaving a tombstone older changes cannot undo. */
    public Sync deleted(Handle h, ProductDeleted event) {
        int written = h.createUpdate("""
                        insert into product_prices as p (sku, version, deleted, updated_at)
                        values (:sku, :version, true, now())
                        on conflict (sku) do update
                           set version = excluded.version, deleted = true, updated_at = now()
                         where p.version < excluded.version""")
                .bind("sku", event.sku())
                .bind("version", event.version())
                .execute();
        return written == 1 ? Sync.APPLIED : Sync.STALE;
    }

    private static Optional<ProductPrice> row(Handle h, String sku) {
        return h.createQuery("select " + COLUMNS + " from product_prices where sku = :sku")
                .bind("sku", sku)
                .map(ProductPrices::productPrice)
                .findOne();
    }

    private static ProductPrice productPrice(ResultSet rs, StatementContext ctx) throws SQLException {
        long price = rs.getLong("price_cents");
        Long priceCents = rs.wasNull() ? null : price;
        String currency = rs.getString("currency");
        return new ProductPrice(rs.getString("sku"), rs.getString("name"), priceCents,
                currency == null ? null : currency.trim(), rs.getLong("version"), rs.getBoolean("deleted"));
    }
}
