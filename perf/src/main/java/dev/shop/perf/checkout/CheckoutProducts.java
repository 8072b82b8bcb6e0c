package dev.shop.perf.checkout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.shop.perf.load.ShopHttp;

/**
 * The products checkouts buy: {@code PERF-CHK-001...}, each with a large stock, set up through the admin API and
 * ready once the cart has heard of them (its price replica fills from product events).
 */
public final class CheckoutProducts {

    private CheckoutProducts() {
    }

    public static List<String> ensure(ShopHttp http, int count, long stock) throws IOException, InterruptedException {
        List<String> skus = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String sku = String.format(Locale.ROOT, "PERF-CHK-%03d", i);
            ShopHttp.Reply product = http.send("PUT", "/products/" + sku, Map.of("name", "Checkout item " + i,
                    "category", "perf", "priceCents", 1000 + i, "currency", "USD"), true, null, null);
            if (!product.ok()) {
                throw new IllegalStateException("PUT /products/" + sku + ": " + product.problemDetail());
            }
            ShopHttp.Reply stocked = http.send("PUT", "/inventory/" + sku, Map.of("available", stock), true, null,
                    null);
            if (!stocked.ok()) {
                throw new IllegalStateException("PUT /inventory/" + sku + ": " + stocked.problemDetail());
            }
            skus.add(sku);
        }
        awaitCart(http, skus);
        return skus;
    }

    /** Polls (with a deadline) until the cart accepts every SKU, then empties the probe cart. */
    static void awaitCart(ShopHttp http, List<String> skus) throws IOException, InterruptedException {
        String cart = "perf-probe-" + UUID.randomUUID();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String sku : skus) {
            while (true) {
                ShopHttp.Reply added = http.send("POST", "/carts/" + cart + "/items", Map.of("sku", sku, "quantity", 1),
                        false, null, null);
                if (added.ok()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the cart never accepted " + sku + ": " + added.problem());
                }
                Thread.sleep(50);
            }
        }
        http.send("DELETE", "/carts/" + cart, null, false, null, null);
    }
}
