package dev.shop.payment.domain;

import dev.shop.runtime.ids.Ulids;

/** Payment ids: {@code pay_} and a ULID (48 bits of milliseconds, 80 random bits, Crockford base32). */
public final class PaymentIds {

    private PaymentIds() {
    }

    public static String next() {
        return Ulids.next("pay_");
    }
}
