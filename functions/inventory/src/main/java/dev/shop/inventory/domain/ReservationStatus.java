package dev.shop.inventory.domain;

/** Where a checkout's reservation stands. Only HELD changes; the other three are final. */
public enum ReservationStatus {
    HELD, COMMITTED, RELEASED, EXPIRED
}
