package dev.shop.cart.domain;

/** What {@code deleteCart} did. */
public sealed interface CartRemoval {

    record Deleted(String cartId) implements CartRemoval {
    }

    record NotFound(String cartId) implements CartRemoval {
    }
}
