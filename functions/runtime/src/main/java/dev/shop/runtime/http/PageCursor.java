package dev.shop.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;

import dev.shop.runtime.problem.ProblemException;

/**
 * The paging parameters of a list. The opaque {@code cursor} is the key of the page's last item, base64url without
 * padding; a cursor the API did not hand out (not base64url, or not a valid key) is a 400 problem on the field
 * {@code cursor}. The {@code limit} is a page size within the list's bounds.
 */
public final class PageCursor {

    private final Predicate<String> validKey;

    /** Cursors over keys that satisfy {@code validKey} (a SKU, an order id). */
    public PageCursor(Predicate<String> validKey) {
        this.validKey = validKey;
    }

    public String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key in a cursor that {@link #encode} made; anything else throws a 400 {@link ProblemException}. */
    public String decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (validKey.test(key)) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
    }

    /**
     * The {@code limit} query parameter of a paged list: a whole number from 1 to {@code max}; anything else throws
     * a 400 {@link ProblemException}.
     */
    public static int limit(String value, int max) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + max);
    }
}
