package dev.shop.perf.suite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.shop.perf.load.ShopHttp;

/**
 * The first and second call of each read route, end to end through the gateway, before the suite's load: on a
 * stack the suite started, the first is the function's cold start as a shopper sees it.
 */
final class FirstCalls {

    record FirstCall(String route, int status, double firstMillis, double secondMillis) {
    }

    private FirstCalls() {
    }

    static List<FirstCall> probe(ShopHttp http) throws IOException, InterruptedException {
        String unknown = UUID.randomUUID().toString().replace("-", "");
        List<String[]> routes = List.of(
                new String[] {"GET /products/{sku}", "/products/PERF-00001"},
                new String[] {"GET /products", "/products?limit=5"},
                new String[] {"GET /carts/{cartId}", "/carts/perf-first-" + unknown},
                new String[] {"GET /inventory/{sku}", "/inventory/PERF-00001"},
                new String[] {"GET /orders/{orderId}", "/orders/ord_" + unknown},
                new String[] {"GET /orders", "/orders?customerId=perf-first"},
                new String[] {"GET /checkouts/{checkoutId}", "/checkouts/chk_" + unknown});
        List<FirstCall> calls = new ArrayList<>();
        for (String[] route : routes) {
            long begin = System.nanoTime();
            ShopHttp.Reply first = http.get(route[1], null);
            long middle = System.nanoTime();
            http.get(route[1], null);
            long end = System.nanoTime();
            calls.add(new FirstCall(route[0], first.status(), (middle - begin) / 1e6, (end - middle) / 1e6));
        }
        return calls;
    }
}
