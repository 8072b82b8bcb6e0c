package dev.shop.local.servers;

import java.util.regex.Pattern;

/** Masks credentials in URLs before they are printed. */
final class Secrets {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^/@:]*:)[^/@]*@");

    private Secrets() {
    }

    static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USERINFO_PASSWORD.matcher(masked).replaceAll("$1***@");
    }
}
