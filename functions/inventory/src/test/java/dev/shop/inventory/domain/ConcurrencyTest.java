package dev.shop.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.shop.inventory.Commands;
import dev.shop.inventory.InventoryOnRealServers;
import dev.shop.inventory.Stockroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static dev.shop.inventory.Commands.reserve;
import static dev.shop.inventory.Commands.uniqueCheckoutId;
import static org.assertj.core.api.Assertions.assertThat;

/** Many checkouts racing for the same stock: exactly what is there is sold, and nothing deadlocks. */
@InventoryOnRealServers
class ConcurrencyTest {

    @Autowired
    ApplicationContext context;

    Stockroom stockroom;

    @BeforeEach
    void open() {
        stockroom = new Stockroom(context);
    }

    @Test
    void neverOversellsUnderConcurrency() throws Exception {
        String sku = stockroom.stocked(30);
        List<Commands> checkouts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            checkouts.add(reserve(uniqueCheckoutId()).line(sku, 1));
        }

        List<ReservationOutcome> outcomes = all(checkouts);

        assertThat(outcomes).filteredOn(ReservationOutcome.Reserved.class::isInstance).hasSize(30);
        assertThat(outcomes).filteredOn(ReservationOutcome.OutOfStock.class::isInstance).hasSize(70);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 0, 30));
    }

    @Test
    void crossedMultiLineReservationsNeitherDeadlockNorOversell() throws Exception {
        String mugs = stockroom.stocked(20);
        String pens = stockroom.stocked(20);
        List<Commands> checkouts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Half list the lines one way round, half the other: locks taken in line order would deadlock.
            checkouts.add(i % 2 == 0
                    ? reserve(uniqueCheckoutId()).line(mugs, 1).line(pens, 1)
                    : reserve(uniqueCheckoutId()).line(pens, 1).line(mugs, 1));
        }

        List<ReservationOutcome> outcomes = all(checkouts);

        assertThat(outcomes).filteredOn(ReservationOutcome.Reserved.class::isInstance).hasSize(20);
        assertThat(stockroom.stock(mugs)).isEqualTo(new Stock(mugs, 0, 20));
        assertThat(stockroom.stock(pens)).isEqualTo(new Stock(pens, 0, 20));
    }

    /**
     * Sends the commands from 20 threads released together; any exception (a deadlock, say) fails the test.
     * More threads than that would only queue for the pool's 8 connections.
     */
    private List<ReservationOutcome> all(List<Commands> commands) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ReservationOutcome>> calls = commands.stream()
                .map(Commands::build)
                .<Callable<ReservationOutcome>>map(command -> () -> {
                    start.await();
                    return stockroom.reserve(command);
                })
                .toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(20)) {
            List<Future<ReservationOutcome>> futures = calls.stream().map(threads::submit).toList();
            start.countDown();
            List<ReservationOutcome> outcomes = new ArrayList<>();
            for (Future<ReservationOutcome> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }
}
