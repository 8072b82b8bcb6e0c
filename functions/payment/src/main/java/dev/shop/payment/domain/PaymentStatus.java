package dev.shop.payment.domain;

/** Where a checkout's payment stands. REFUNDED without a payment id means cancelled before any capture. */
public enum PaymentStatus {
    CAPTURED,
    DECLINED,
    REFUNDED
}
