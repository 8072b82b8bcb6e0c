package dev.shop.cart.domain;

import static dev.shop.cart.TestCarts.uniqueCartId;
import static dev.shop.cart.TestProducts.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import dev.shop.cart.CartOnRealServers;
import dev.shop.cart.CatalogEvents;
import dev.shop.cart.TestProducts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CartOnRealServers
class CartsTest {

    private static final int WRITERS = 20;

    @Autowired
    CatalogEvents catalog;

    @Autowired
    Carts carts;

    @Test
    void concurrentAddsLoseNothing() throws Exception {
        TestProducts mug = aProduct();
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();

        // All writers start together on a cart that does not exist yet: they race to create it, then to add.
        List<CartOutcome> outcomes = runTogether(() -> carts.add(cartId, mug.sku(), 1, "test"));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(CartOutcome.Updated.class));
        assertThat(outcomes).extracting(outcome -> ((CartOutcome.Updated) outcome).cart().version())
                .as("each add saw the one before it").containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, WRITERS).boxed().toList());
        Cart cart = carts.find(cartId).orElseThrow();
        assertThat(cart.items()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(WRITERS));
        assertThat(cart.version()).isEqualTo(WRITERS);
    }

    @Test
    void concurrentAddsOfDifferentSkusKeepEveryLine() throws Exception {
        TestProducts mug = aProduct();
        TestProducts plate = aProduct();
        catalog.publishProduct(mug);
        catalog.publishProduct(plate);
        String cartId = uniqueCartId();
        AtomicInteger turn = new AtomicInteger();

        runTogether(() -> carts.add(cartId, turn.getAndIncrement() % 2 == 0 ? mug.sku() : plate.sku(), 1, "test"));

        Cart cart = carts.find(cartId).orElseThrow();
        assertThat(cart.items()).extracting(CartLine::quantity).containsExactly(WRITERS / 2, WRITERS / 2);
        assertThat(cart.itemCount()).isEqualTo(WRITERS);
    }

    private static <T> List<T> runTogether(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(CatalogEvents.DEADLINE.toSeconds(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
