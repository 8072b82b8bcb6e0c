package dev.shop.cart.domain;

import java.util.regex.Pattern;

/** The shape of a cart id; SKUs follow the shared rule in {@link dev.shop.events.Skus}. */
public final class CartIds {

    public static final String CART_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    public static final String CART_ID_RULE = "1-64 letters, digits, '_' or '-', starting with a letter or digit";

    private static final Pattern CART_ID = Pattern.compile(CART_ID_PATTERN);

    private CartIds() {
    }

    public static boolean validCartId(String cartId) {
        return cartId != null && CART_ID.matcher(cartId).matches();
    }
}
