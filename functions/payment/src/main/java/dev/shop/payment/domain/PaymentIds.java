package dev.shop.payment.domain;

import java.util.concurrent.ThreadLocalRandom;

/** Payment ids: {@code pay_} and a ULID (48 bits of milliseconds, 80 random bits, Crockford base32). */
public final class PaymentIds {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private PaymentIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] ulid = new char[26];
        encode(System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL, ulid, 0, 10);
        encode(random.nextLong() & 0xFF_FFFF_FFFFL, ulid, 10, 8);
        encode(random.nextLong() & 0xFF_FFFF_FFFFL, ulid, 18, 8);
        return "pay_" + new String(ulid);
    }

    private static void encode(long value, char[] out, int offset, int length) {
        for (int i = offset + length - 1; i >= offset; i--) {
            out[i] = CROCKFORD[(int) (value & 31)];
            value >>>= 5;
        }
    }
}
