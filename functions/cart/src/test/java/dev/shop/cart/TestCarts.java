package dev.shop.cart;

import java.util.UUID;

/** Carts of the cart tests. */
public final class TestCarts {

    private TestCarts() {
    }

    /** A cart id no other test uses. */
    public static String uniqueCartId() {
        return "cart-" + UUID.randomUUID();
    }
}
