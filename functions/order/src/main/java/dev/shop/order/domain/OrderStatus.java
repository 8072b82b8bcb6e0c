package dev.shop.order.domain;

/** Where an order stands. Fulfilment adds states later; a recorded order starts PLACED. */
public enum OrderStatus {
    PLACED
}
