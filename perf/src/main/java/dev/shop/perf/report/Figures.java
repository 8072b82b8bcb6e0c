package dev.shop.perf.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the reports print numbers: money to four significant digits, times in milliseconds, ratios. */
public final class Figures {

    private Figures() {
    }

    public static String usd(double amount) {
        if (amount == 0) {
            return "$0";
        }
        if (Math.abs(amount) >= 100) {
            return String.format(Locale.ROOT, "$%,.2f", amount);
        }
        return "$" + new BigDecimal(amount).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    public static String millis(double millis) {
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f ms" : "%.2f ms", millis);
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String number(double n, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", n);
    }
}
