package dev.shop.checkout.domain;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.CartChanged;
import dev.shop.events.OrderLine;
import org.jdbi.v3.core.Handle;

/** The checkout's replica of carts, filled from CartChanged events; newer versions only. */
public class CartSnapshots {

    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public CartSnapshots(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Applies the event if it is newer than what is held; a redelivered or older one changes nothing. */
    public boolean apply(Handle handle, CartChanged changed) {
        return handle.createUpdate("""
                        insert into cart_snapshots as s (cart_id, lines, currency, deleted, version, changed_at,
                                                         cart_version)
                        values (:cartId, cast(:lines as jsonb), :currency, :deleted, :version, :changedAt,
                                :cartVersion)
                        on conflict (cart_id) do update
                           set lines = excluded.lines, currency = excluded.currency, deleted = excluded.deleted,
                               version = excluded.version, changed_at = excluded.changed_at,
                               cart_version = excluded.cart_version
                         where s.version < excluded.version""")
                .bind("cartId", changed.cartId())
                .bind("lines", json(changed.lines()))
                .bind("currency", changed.currency())
                .bind("deleted", changed.deleted())
                .bind("version", changed.version())
                .bind("changedAt", Timestamp.from(changed.changedAt()))
                .bind("cartVersion", changed.cartVersion())
                .execute() == 1;
    }

    /** The snapshot, locked for the rest of the transaction so two checkouts of one cart queue up. */
    public Optional<CartSnapshot> lock(Handle handle, String cartId) {
        return handle.createQuery("select cart_id, lines, currency, deleted, version, cart_version "
                        + "from cart_snapshots where cart_id = :cartId for update")
                .bind("cartId", cartId)
                .map((rs, ctx) -> new CartSnapshot(rs.getString("cart_id"), lines(rs.getString("lines")),
                        rs.getString("currency") == null ? null : rs.getString("currency").trim(),
                        rs.getBoolean("deleted"), rs.getLong("version"), rs.getObject("cart_version", Long.class)))
                .findOne();
    }

    /** The cart's own version the replica holds, without locking; empty when the cart is unknown. */
    public Optional<Long> cartVersion(Handle handle, String cartId) {
        return handle.createQuery("select cart_version from cart_snapshots where cart_id = :cartId")
                .bind("cartId", cartId)
                .mapTo(Long.class)
                .findOne();
    }

    private String json(List<OrderLine> lines) {
        try {
            return mapper.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cart lines could not be written as JSON", e);
        }
    }

    private List<OrderLine> lines(String json) {
        try {
            return mapper.readValue(json, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cart lines are not readable", e);
        }
    }
}
