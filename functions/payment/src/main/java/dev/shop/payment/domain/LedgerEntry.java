package dev.shop.payment.domain;

import java.time.Instant;

/** One money movement of a checkout, as the append-only ledger holds it. */
public record LedgerEntry(long id, Kind kind, long amountCents, String currency, Instant at) {

    public enum Kind {
        CHARGE,
        REFUND
    }
}
