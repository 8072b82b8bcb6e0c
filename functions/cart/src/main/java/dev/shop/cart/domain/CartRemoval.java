package dev.shop.cart.domain;

/** What {@code deleteCart} did. */
public sealed interface CartRemoval {

    record Deleted(String cartId) implements CartRemoval {
    }

    record NotFound(String cartId) implements CartRemoval {
    }

    /** A checkout is buying the cart: it can be deleted once that checkout ends. */
    record InCheckout(String cartId, String checkoutId) implements CartRemoval {
    }
}
