package dev.shop.cart.domain;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers a cart route takes: its cart id and the SKUs of its lines. The SKU rule is
 * the catalog's; it lives here until the modules share one definition.
 */
public final class CartIds {

    public static final String CART_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    public static final String CART_ID_RULE = "1-64 letters, digits, '_' or '-', starting with a letter or digit";

    public static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String SKU_RULE = "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern CART_ID = Pattern.compile(CART_ID_PATTERN);
    private static final Pattern SKU = Pattern.compile(SKU_PATTERN);

    private CartIds() {
    }

    public static boolean validCartId(String cartId) {
        return cartId != null && CART_ID.matcher(cartId).matches();
    }

    public static boolean validSku(String sku) {
        return sku != null && SKU.matcher(sku).matches();
    }
}
