package dev.shop.perf.suite;

import java.util.Locale;

/** The suite's progress lines on stderr, stamped with the seconds since it began. */
final class Suite {

    private static final long BEGIN = System.nanoTime();

    private Suite() {
    }

    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[suite %5.0fs] " + format + "%n",
                prepend((System.nanoTime() - BEGIN) / 1e9, args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
