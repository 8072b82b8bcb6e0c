package dev.shop.inventory.domain;

import java.util.regex.Pattern;

/** The shape of a SKU, as the catalog defines it. */
public final class Skus {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Skus() {
    }

    public static boolean valid(String sku) {
        return sku != null && SKU.matcher(sku).matches();
    }

    public static final String RULE = "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";
}
