package dev.shop.order.domain;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Order ids: {@code ord_} and a ULID (48 bits of milliseconds, 80 random bits, Crockford base32), so ids
 * sort by creation time.
 */
public final class OrderIds {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern ORDER_ID = Pattern.compile("ord_[0-9A-HJKMNP-TV-Z]{26}");

    public static final String RULE = "'ord_' followed by 26 characters of Crockford base32";

    private OrderIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] ulid = new char[26];
        encode(System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL, ulid, 0, 10);
        encode(random.nextLong() & 0xFF_FFFF_FFFFL, ulid, 10, 8);
        encode(random.nextLong() & 0xFF_FFFF_FFFFL, ulid, 18, 8);
        return "ord_" + new String(ulid);
    }

    public static boolean valid(String orderId) {
        return orderId != null && ORDER_ID.matcher(orderId).matches();
    }

    private static void encode(long value, char[] out, int offset, int length) {
        for (int i = offset + length - 1; i >= offset; i--) {
            out[i] = CROCKFORD[(int) (value & 31)];
            value >>>= 5;
        }
    }
}
