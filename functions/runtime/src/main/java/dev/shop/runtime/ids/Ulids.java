package dev.shop.runtime.ids;

import java.security.SecureRandom;

/**
 * ULIDs (48 bits of milliseconds, 80 random bits, Crockford base32) behind a prefix, e.g. {@code ord_01J...}. The
 * random bits come from {@link SecureRandom}, which draws on the operating system's entropy as it goes: processes
 * restored from one snapshot (SnapStart, CRaC) do not repeat each other's ids, as a seeded generator captured in
 * the snapshot would.
 */
public final class Ulids {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulids() {
    }

    /** {@code prefix} followed by a new ULID of 26 characters. */
    public static String next(String prefix) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xFF);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xFF);
        }
        char[] ulid = new char[26];
        encode(System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL, ulid, 0, 10);
        encode(high, ulid, 10, 8);
        encode(low, ulid, 18, 8);
        return prefix + new String(ulid);
    }

    private static void encode(long value, char[] out, int offset, int length) {
        for (int i = offset + length - 1; i >= offset; i--) {
            out[i] = CROCKFORD[(int) (value & 31)];
            value >>>= 5;
        }
    }
}
