package dev.shop.checkout.domain;

import java.time.Duration;

/**
 * The command of {@code getCheckout}: a checkout, and how long a caller is willing to wait for it to end
 * ({@code GET /checkouts/{id}?waitSeconds=N}, a long poll; zero answers at once).
 */
public record GetCheckout(String checkoutId, Duration atMost) {

    public static GetCheckout now(String checkoutId) {
        return new GetCheckout(checkoutId, Duration.ZERO);
    }
}
