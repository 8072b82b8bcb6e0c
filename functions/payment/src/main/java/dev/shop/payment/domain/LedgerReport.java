package dev.shop.payment.domain;

import java.util.List;

import org.jdbi.v3.core.Jdbi;

/**
 * What the ledger says, per currency: total charged, total refunded, and whether charges minus refunds
 * equal what captured, unrefunded payments hold. Each figure comes from one statement, so it describes
 * one committed state even while payments are being taken.
 */
public class LedgerReport {

    private final Jdbi jdbi;

    public LedgerReport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param chargedCents  sum of CHARGE entries
     * @param refundedCents sum of REFUND entries
     * @param capturedCents sum of the payments now CAPTURED (captured and not refunded)
     */
    public record Totals(String currency, long chargedCents, long refundedCents, long capturedCents) {

        public long netCents() {
            return chargedCents - refundedCents;
        }

        public boolean balanced() {
            return netCents() == capturedCents;
        }
    }

    public List<Totals> totals() {
        return jdbi.withHandle(h -> h.createQuery("""
                        with entries as (
                            select currency,
                                   coalesce(sum(amount_cents) filter (where kind = 'CHARGE'), 0) as charged,
                                   coalesce(sum(amount_cents) filter (where kind = 'REFUND'), 0) as refunded
                              from ledger group by currency),
                        captured as (
                            select currency, sum(amount_cents) as captured
                              from payments where status = 'CAPTURED' group by currency)
                        select coalesce(e.currency, c.currency) as currency, coalesce(e.charged, 0) as charged,
                               coalesce(e.refunded, 0) as refunded, coalesce(c.captured, 0) as captured
                          from entries e full join captured c on c.currency = e.currency
                         order by 1""")
                .map((rs, ctx) -> new Totals(rs.getString("currency").trim(), rs.getLong("charged"),
                        rs.getLong("refunded"), rs.getLong("captured")))
                .list());
    }

    /** The totals of one checkout: what it was charged and refunded, and what it holds captured. */
    public Totals checkout(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(p.currency, 'XXX') as currency,
                               coalesce((select sum(amount_cents) from ledger l
                                          where l.checkout_id = p.checkout_id and kind = 'CHARGE'), 0) as charged,
                               coalesce((select sum(amount_cents) from ledger l
                                          where l.checkout_id = p.checkout_id and kind = 'REFUND'), 0) as refunded,
                               case when p.status = 'CAPTURED' then p.amount_cents else 0 end as captured
                          from payments p where p.checkout_id = :checkoutId""")
                .bind("checkoutId", checkoutId)
                .map((rs, ctx) -> new Totals(rs.getString("currency").trim(), rs.getLong("charged"),
                        rs.getLong("refunded"), rs.getLong("captured")))
                .findOne()
                .orElse(new Totals("XXX", 0, 0, 0)));
    }
}
