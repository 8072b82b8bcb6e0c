package dev.shop.cart.domain;

/** What {@code getCart} finds. */
public sealed interface CartLookup {

    record Found(Cart cart) implements CartLookup {
    }

    record NotFound(String cartId) implements CartLookup {
    }
}
