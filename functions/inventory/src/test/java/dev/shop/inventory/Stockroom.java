package dev.shop.inventory;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.shop.events.CommitInventory;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ReleaseInventory;
import dev.shop.events.ReserveInventory;
import dev.shop.inventory.InventoryFunctions.SetStock;
import dev.shop.inventory.domain.CommitOutcome;
import dev.shop.inventory.domain.Delivery;
import dev.shop.inventory.domain.ReleaseOutcome;
import dev.shop.inventory.domain.ReservationOutcome;
import dev.shop.inventory.domain.Reservations;
import dev.shop.inventory.domain.Stock;
import dev.shop.inventory.domain.StockLookup;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.ApplicationContext;

import static dev.shop.inventory.Commands.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the inventory through its business function beans, as the HTTP and Kafka faces do, and reads
 * back what tests check: stock levels, reservations and the replies waiting in the outbox.
 */
public final class Stockroom {

    private final Function<SetStock, Stock> setStock;
    private final Function<String, StockLookup> getStock;
    private final Function<EventEnvelope<ReserveInventory>, Delivery<ReservationOutcome>> reserveStock;
    private final Function<EventEnvelope<ReleaseInventory>, Delivery<ReleaseOutcome>> releaseStock;
    private final Function<EventEnvelope<CommitInventory>, Delivery<CommitOutcome>> commitStock;
    private final Supplier<Integer> expireReservations;
    private final Reservations reservations;
    private final Jdbi jdbi;
    private final EventCodec codec;

    @SuppressWarnings("unchecked")
    public Stockroom(ApplicationContext context) {
        setStock = context.getBean("setStock", Function.class);
        getStock = context.getBean("getStock", Function.class);
        reserveStock = context.getBean("reserveStock", Function.class);
        releaseStock = context.getBean("releaseStock", Function.class);
        commitStock = context.getBean("commitStock", Function.class);
        expireReservations = context.getBean("expireReservations", Supplier.class);
        reservations = context.getBean(Reservations.class);
        jdbi = context.getBean(Jdbi.class);
        codec = context.getBean(EventCodec.class);
    }

    /** A new SKU with this much free stock. */
    public String stocked(long available) {
        String sku = uniqueSku();
        setStock.apply(new SetStock(sku, available));
        return sku;
    }

    public Stock restock(String sku, long available) {
        return setStock.apply(new SetStock(sku, available));
    }

    public Stock stock(String sku) {
        return switch (getStock.apply(sku)) {
            case StockLookup.Found found -> found.stock();
            case StockLookup.NotFound notFound -> throw new AssertionError("no stock for " + sku);
        };
    }

    public Delivery<ReservationOutcome> deliver(EventEnvelope<ReserveInventory> command) {
        return reserveStock.apply(command);
    }

    public ReservationOutcome reserve(EventEnvelope<ReserveInventory> command) {
        return applied(reserveStock.apply(command));
    }

    public ReservationOutcome reserve(Commands command) {
        return reserve(command.build());
    }

    public Delivery<ReleaseOutcome> deliverRelease(EventEnvelope<ReleaseInventory> command) {
        return releaseStock.apply(command);
    }

    public ReleaseOutcome release(String checkoutId) {
        return applied(releaseStock.apply(Commands.release(checkoutId)));
    }

    public CommitOutcome commit(String checkoutId) {
        return applied(commitStock.apply(Commands.commit(checkoutId)));
    }

    public int expireReservations() {
        return expireReservations.get();
    }

    public Optional<Reservations.Reservation> reservation(String checkoutId) {
        return reservations.find(checkoutId);
    }

    /** The replies written for a checkout (the outbox key), oldest first. */
    public List<EventEnvelope<?>> replies(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery("select payload from outbox where message_key = :key order by id")
                        .bind("key", checkoutId)
                        .mapTo(byte[].class)
                        .list())
                .stream()
                .<EventEnvelope<?>>map(codec::decode)
                .toList();
    }

    public EventEnvelope<?> lastReply(String checkoutId) {
        List<EventEnvelope<?>> replies = replies(checkoutId);
        assertThat(replies).as("replies for %s", checkoutId).isNotEmpty();
        return replies.getLast();
    }

    private static <O> O applied(Delivery<O> delivery) {
        assertThat(delivery).isInstanceOf(Delivery.Applied.class);
        return ((Delivery.Applied<O>) delivery).outcome();
    }
}
