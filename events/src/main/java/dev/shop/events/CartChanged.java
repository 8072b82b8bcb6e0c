package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The whole current state of a cart after any change, so the checkout keeps a replica without calling
 * the cart. A deleted or emptied cart has no lines. Apply only if {@code version} is newer than held.
 *
 * @param cartId    the cart
 * @param lines     its lines with their price snapshots; never null, empty when emptied or deleted
 * @param currency  the cart's currency (ISO 4217); present whenever there are lines, may be null when
 *                  there are none
 * @param deleted   whether the cart no longer exists; a deleted cart has no lines
 * @param version   grows with every change of the cart, across its deletion and re-creation
 * @param changedAt when the cart stored this version
 * @param cartVersion the cart's own version as its API shows it ({@code GET /carts/{id}}), so a client can
 *                  ask to check out exactly the cart it saw; null for a deleted cart (added in v1, optional)
 */
public record CartChanged(
        @JsonProperty(required = true) String cartId,
        List<OrderLine> lines,
        String currency,
        boolean deleted,
        long version,
        @JsonProperty(required = true) Instant changedAt,
        Long cartVersion) {

    public CartChanged {
        Require.text(cartId, "CartChanged.cartId");
        lines = Require.list(lines, "CartChanged.lines");
        if (!lines.isEmpty()) {
            Require.text(currency, "CartChanged.currency");
        }
        if (deleted && !lines.isEmpty()) {
            throw new IllegalArgumentException("CartChanged.lines must be empty for a deleted cart");
        }
        Require.present(changedAt, "CartChanged.changedAt");
    }

    /** As produced before {@code cartVersion} existed. */
    public CartChanged(String cartId, List<OrderLine> lines, String currency, boolean deleted, long version,
                       Instant changedAt) {
        this(cartId, lines, currency, deleted, version, changedAt, null);
    }
}
