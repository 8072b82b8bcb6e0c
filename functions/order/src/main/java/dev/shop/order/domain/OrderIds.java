package dev.shop.order.domain;

import java.util.regex.Pattern;

import dev.shop.runtime.ids.Ulids;

/**
 * Order ids: {@code ord_} and a ULID (48 bits of milliseconds, 80 random bits, Crockford base32), so ids
 * sort by creation time.
 */
public final class OrderIds {

    private static final Pattern ORDER_ID = Pattern.compile("ord_[0-9A-HJKMNP-TV-Z]{26}");

    public static final String RULE = "'ord_' followed by 26 characters of Crockford base32";

    private OrderIds() {
    }

    public static String next() {
        return Ulids.next("ord_");
    }

    public static boolean valid(String orderId) {
        return orderId != null && ORDER_ID.matcher(orderId).matches();
    }
}
