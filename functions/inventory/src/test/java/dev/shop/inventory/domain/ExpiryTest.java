package dev.shop.inventory.domain;

import java.time.Duration;
import java.time.Instant;

import dev.shop.events.TaskFailed;
import dev.shop.inventory.InventoryOnRealServers;
import dev.shop.inventory.Stockroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static dev.shop.inventory.Commands.reserve;
import static dev.shop.inventory.Commands.uniqueCheckoutId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Holds end: a hold past its time goes back on sale, whether the sweep or a late command finds it first. */
@InventoryOnRealServers
class ExpiryTest {

    @Autowired
    ApplicationContext context;

    Stockroom stockroom;

    @BeforeEach
    void open() {
        stockroom = new Stockroom(context);
    }

    @Test
    void expiredReservationIsReleasedBySweep() {
        String sku = stockroom.stocked(4);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 3).holdSeconds(1));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 1, 3));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            stockroom.expireReservations();
            return stockroom.reservation(checkoutId).orElseThrow().status() == ReservationStatus.EXPIRED;
        });

        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 4, 0));
        assertThat(stockroom.reserve(reserve(checkoutId).line(sku, 3)))
                .isEqualTo(new ReservationOutcome.AlreadyReleased(checkoutId, ReservationStatus.EXPIRED));
        assertThat(stockroom.commit(checkoutId))
                .isEqualTo(new CommitOutcome.NoLongerHeld(checkoutId, ReservationStatus.EXPIRED));
        assertThat(stockroom.release(checkoutId)).isEqualTo(new ReleaseOutcome.NothingHeld(checkoutId));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 4, 0));
    }

    @Test
    void timerExpiresOverdueHoldsByItself() {
        String sku = stockroom.stocked(2);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 2).holdSeconds(1));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                stockroom.reservation(checkoutId).orElseThrow().status() == ReservationStatus.EXPIRED);

        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 2, 0));
    }

    @Test
    void commitAfterHoldEndedIsRefused() {
        String sku = stockroom.stocked(4);
        String checkoutId = uniqueCheckoutId();
        ReservationOutcome.Reserved held =
                (ReservationOutcome.Reserved) stockroom.reserve(reserve(checkoutId).line(sku, 3).holdSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(held.expiresAt()));

        CommitOutcome outcome = stockroom.commit(checkoutId);

        assertThat(outcome).isEqualTo(new CommitOutcome.NoLongerHeld(checkoutId, ReservationStatus.EXPIRED));
        assertThat(((TaskFailed) stockroom.lastReply(checkoutId).data()).error())
                .isEqualTo(InventoryReplies.RESERVATION_EXPIRED);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 4, 0));
    }

    @Test
    void sweepLeavesLiveHoldsAlone() {
        String sku = stockroom.stocked(4);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 3));

        stockroom.expireReservations();

        assertThat(stockroom.reservation(checkoutId).orElseThrow().status()).isEqualTo(ReservationStatus.HELD);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 1, 3));
    }
}
