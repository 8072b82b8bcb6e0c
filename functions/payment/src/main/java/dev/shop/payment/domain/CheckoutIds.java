package dev.shop.payment.domain;

import java.util.regex.Pattern;

/** The shape of a checkout id, the key of everything payment keeps. */
public final class CheckoutIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public static final String RULE = "1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    private CheckoutIds() {
    }

    public static boolean valid(String checkoutId) {
        return checkoutId != null && ID.matcher(checkoutId).matches();
    }
}
