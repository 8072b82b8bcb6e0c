package dev.shop.inventory.domain;

import java.util.List;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ReleaseInventory;
import dev.shop.events.ReserveInventory;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import dev.shop.inventory.Commands;
import dev.shop.inventory.InventoryOnRealServers;
import dev.shop.inventory.Stockroom;
import org.junit.jupiter.api.BeforeEach;
import dev.shop.runtime.invocation.EventOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static dev.shop.inventory.Commands.reserve;
import static dev.shop.inventory.Commands.uniqueCheckoutId;
import static dev.shop.inventory.Commands.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/** Reserve, release and commit as the checkout saga sends them, each answered once through the outbox. */
@InventoryOnRealServers
class ReservationsTest {

    @Autowired
    ApplicationContext context;

    Stockroom stockroom;

    @BeforeEach
    void open() {
        stockroom = new Stockroom(context);
    }

    @Test
    void reservesAllLinesOrNone() {
        String mugs = stockroom.stocked(5);
        String pens = stockroom.stocked(1);
        String tooMany = uniqueCheckoutId();
        String enough = uniqueCheckoutId();

        ReservationOutcome refused = stockroom.reserve(reserve(tooMany).line(mugs, 2).line(pens, 2));

        assertThat(refused).isEqualTo(new ReservationOutcome.OutOfStock(tooMany, List.of(pens)));
        assertThat(stockroom.stock(mugs)).isEqualTo(new Stock(mugs, 5, 0));
        assertThat(stockroom.stock(pens)).isEqualTo(new Stock(pens, 1, 0));
        assertThat(stockroom.reservation(tooMany)).isEmpty();

        ReservationOutcome held = stockroom.reserve(reserve(enough).line(mugs, 2).line(pens, 1));

        assertThat(held).isInstanceOf(ReservationOutcome.Reserved.class);
        assertThat(stockroom.stock(mugs)).isEqualTo(new Stock(mugs, 3, 2));
        assertThat(stockroom.stock(pens)).isEqualTo(new Stock(pens, 0, 1));
        assertThat(stockroom.reservation(enough).orElseThrow().status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void rejectsReservationBeyondStock() {
        String sku = stockroom.stocked(3);
        String checkoutId = uniqueCheckoutId();
        EventEnvelope<ReserveInventory> command = reserve(checkoutId).line(sku, 4).build();

        ReservationOutcome outcome = stockroom.reserve(command);

        assertThat(outcome).isEqualTo(new ReservationOutcome.OutOfStock(checkoutId, List.of(sku)));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 0));
        assertThat(stockroom.reservation(checkoutId)).isEmpty();
        TaskFailed reply = (TaskFailed) stockroom.lastReply(checkoutId).data();
        assertThat(reply.taskToken()).isEqualTo(command.data().taskToken());
        assertThat(reply.error()).isEqualTo(InventoryReplies.OUT_OF_STOCK);
        assertThat(reply.cause()).isEqualTo("Not enough stock for SKU " + sku);
    }

    @Test
    void namesEveryShortOrUnknownSku() {
        String plenty = stockroom.stocked(10);
        String scarce = stockroom.stocked(1);
        String unknown = uniqueSku();
        String checkoutId = uniqueCheckoutId();

        ReservationOutcome outcome = stockroom.reserve(reserve(checkoutId)
                .line(plenty, 1).line(scarce, 2).line(unknown, 1));

        List<String> shortSkus = List.of(scarce, unknown).stream().sorted().toList();
        assertThat(outcome).isEqualTo(new ReservationOutcome.OutOfStock(checkoutId, shortSkus));
        assertThat(((TaskFailed) stockroom.lastReply(checkoutId).data()).cause())
                .isEqualTo("Not enough stock for SKUs " + String.join(", ", shortSkus));
        assertThat(stockroom.stock(plenty)).isEqualTo(new Stock(plenty, 10, 0));
    }

    @Test
    void countsRepeatedSkuLinesTogether() {
        String sku = stockroom.stocked(3);
        String checkoutId = uniqueCheckoutId();

        ReservationOutcome outcome = stockroom.reserve(reserve(checkoutId).line(sku, 2).line(sku, 2));

        assertThat(outcome).isInstanceOf(ReservationOutcome.OutOfStock.class);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 0));
    }

    @Test
    void successReplyCarriesTokenReservationAndCorrelationId() {
        String sku = stockroom.stocked(2);
        String checkoutId = uniqueCheckoutId();
        EventEnvelope<ReserveInventory> command = reserve(checkoutId).line(sku, 2).build();

        ReservationOutcome.Reserved reserved = (ReservationOutcome.Reserved) stockroom.reserve(command);

        EventEnvelope<?> reply = stockroom.lastReply(checkoutId);
        assertThat(reply.type()).isEqualTo(EventTypes.TASK_SUCCEEDED.name());
        assertThat(reply.source()).isEqualTo("/functions/inventory");
        assertThat(reply.subject()).isEqualTo(command.subject());
        TaskSucceeded succeeded = (TaskSucceeded) reply.data();
        assertThat(succeeded.taskToken()).isEqualTo(command.data().taskToken());
        assertThat(succeeded.output()).containsEntry("reservationId", checkoutId)
                .containsEntry("expiresAt", reserved.expiresAt().toString());
        assertThat(reserved.expiresAt()).isAfter(command.time().plusSeconds(599));
    }

    @Test
    void reservationIsIdempotentPerCheckout() {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        EventEnvelope<ReserveInventory> first = reserve(checkoutId).line(sku, 2).build();
        EventEnvelope<ReserveInventory> retry = reserve(checkoutId).line(sku, 2).build();

        ReservationOutcome firstOutcome = stockroom.reserve(first);
        ReservationOutcome retryOutcome = stockroom.reserve(retry);

        assertThat(retryOutcome).isEqualTo(firstOutcome);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 2));
        List<EventEnvelope<?>> replies = stockroom.replies(checkoutId);
        assertThat(replies).extracting(r -> ((TaskSucceeded) r.data()).taskToken())
                .containsExactly(first.data().taskToken(), retry.data().taskToken());
        assertThat(replies).extracting(r -> ((TaskSucceeded) r.data()).output()).containsOnly(
                ((TaskSucceeded) replies.getFirst().data()).output());
    }

    @Test
    void retryAfterOutOfStockTriesAgain() {
        String sku = stockroom.stocked(1);
        String checkoutId = uniqueCheckoutId();
        assertThat(stockroom.reserve(reserve(checkoutId).line(sku, 2)))
                .isInstanceOf(ReservationOutcome.OutOfStock.class);
        stockroom.restock(sku, 5);

        ReservationOutcome retried = stockroom.reserve(reserve(checkoutId).line(sku, 2));

        assertThat(retried).isInstanceOf(ReservationOutcome.Reserved.class);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 2));
    }

    @Test
    void redeliveredCommandChangesNothing() {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        EventEnvelope<ReserveInventory> command = reserve(checkoutId).line(sku, 2).build();
        EventEnvelope<ReleaseInventory> release = Commands.release(checkoutId);

        stockroom.deliver(command);
        EventOutcome again = stockroom.deliver(command);

        assertThat(again).isEqualTo(new EventOutcome.Redelivered(command.id()));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 2));
        assertThat(stockroom.replies(checkoutId)).hasSize(1);

        stockroom.deliverRelease(release);
        assertThat(stockroom.deliverRelease(release)).isInstanceOf(EventOutcome.Redelivered.class);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 5, 0));
        assertThat(stockroom.replies(checkoutId)).hasSize(2);
    }

    @Test
    void releaseReturnsStock() {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 2));

        ReleaseOutcome outcome = stockroom.release(checkoutId);

        assertThat(outcome).isEqualTo(new ReleaseOutcome.Released(checkoutId));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 5, 0));
        assertThat(stockroom.reservation(checkoutId).orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(((TaskSucceeded) stockroom.lastReply(checkoutId).data()).output()).containsEntry("released", true);
    }

    @Test
    void releaseIsIdempotent() {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 2));
        stockroom.release(checkoutId);

        ReleaseOutcome again = stockroom.release(checkoutId);

        assertThat(again).isEqualTo(new ReleaseOutcome.NothingHeld(checkoutId));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 5, 0));
        assertThat(((TaskSucceeded) stockroom.lastReply(checkoutId).data()).output()).containsEntry("released", false);
    }

    @Test
    void reservationAfterReleaseIsRefused() {
        String sku = stockroom.stocked(5);
        String released = uniqueCheckoutId();
        String neverReserved = uniqueCheckoutId();
        stockroom.reserve(reserve(released).line(sku, 1));
        stockroom.release(released);
        // The workflow gave up on a reservation and compensated before the command arrived.
        assertThat(stockroom.release(neverReserved)).isEqualTo(new ReleaseOutcome.NothingHeld(neverReserved));

        ReservationOutcome retried = stockroom.reserve(reserve(released).line(sku, 1));
        ReservationOutcome late = stockroom.reserve(reserve(neverReserved).line(sku, 1));

        assertThat(retried).isEqualTo(new ReservationOutcome.AlreadyReleased(released, ReservationStatus.RELEASED));
        assertThat(late).isEqualTo(new ReservationOutcome.AlreadyReleased(neverReserved, ReservationStatus.RELEASED));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 5, 0));
        assertThat(((TaskFailed) stockroom.lastReply(late.checkoutId()).data()).error())
                .isEqualTo(InventoryReplies.RESERVATION_RELEASED);
    }

    @Test
    void commitRemovesStockForGood() {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 2));

        CommitOutcome outcome = stockroom.commit(checkoutId);

        assertThat(outcome).isEqualTo(new CommitOutcome.Committed(checkoutId));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 0));
        assertThat(stockroom.reservation(checkoutId).orElseThrow().status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(((TaskSucceeded) stockroom.lastReply(checkoutId).data()).output())
                .containsEntry("reservationId", checkoutId).containsEntry("committed", true);
    }

    @Test
    void commitIsIdempotent() {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 2));
        stockroom.commit(checkoutId);

        CommitOutcome again = stockroom.commit(checkoutId);
        ReservationOutcome reserveAgain = stockroom.reserve(reserve(checkoutId).line(sku, 2));

        assertThat(again).isEqualTo(new CommitOutcome.Committed(checkoutId));
        assertThat(reserveAgain).isInstanceOf(ReservationOutcome.Reserved.class);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 0));
    }

    @Test
    void committedStockIsNotReleased() {
        String sku = stockroom.stocked(5);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 2));
        stockroom.commit(checkoutId);

        ReleaseOutcome outcome = stockroom.release(checkoutId);

        assertThat(outcome).isEqualTo(new ReleaseOutcome.AlreadyCommitted(checkoutId));
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 3, 0));
        assertThat(((TaskFailed) stockroom.lastReply(checkoutId).data()).error())
                .isEqualTo(InventoryReplies.ALREADY_COMMITTED);
    }

    @Test
    void releasedOrUnknownReservationIsNotCommitted() {
        String sku = stockroom.stocked(5);
        String released = uniqueCheckoutId();
        String unknown = uniqueCheckoutId();
        stockroom.reserve(reserve(released).line(sku, 2));
        stockroom.release(released);

        CommitOutcome afterRelease = stockroom.commit(released);
        CommitOutcome neverReserved = stockroom.commit(unknown);

        assertThat(afterRelease).isEqualTo(new CommitOutcome.NoLongerHeld(released, ReservationStatus.RELEASED));
        assertThat(((TaskFailed) stockroom.lastReply(released).data()).error())
                .isEqualTo(InventoryReplies.RESERVATION_EXPIRED);
        assertThat(neverReserved).isEqualTo(new CommitOutcome.NotFound(unknown));
        assertThat(((TaskFailed) stockroom.lastReply(unknown).data()).error())
                .isEqualTo(InventoryReplies.RESERVATION_NOT_FOUND);
        assertThat(stockroom.stock(sku)).isEqualTo(new Stock(sku, 5, 0));
    }
}
