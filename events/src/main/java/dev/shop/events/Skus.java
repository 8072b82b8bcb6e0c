package dev.shop.events;

import java.util.regex.Pattern;

/** The shape of a SKU, the key of every product: one rule for every function that takes one. */
public final class Skus {

    /** As a constant, for validation annotations. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String RULE = "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern SKU = Pattern.compile(PATTERN);

    private Skus() {
    }

    public static boolean valid(String sku) {
        return sku != null && SKU.matcher(sku).matches();
    }
}
