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
import dev.shop.inventory.domain.InventoryCommands.SetStock;
import dev.shop.inventory.domain.CommitOutcome;
import dev.shop.inventory.domain.ReleaseOutcome;
import dev.shop.inventory.domain.ReservationOutcome;
import dev.shop.inventory.domain.Reservations;
import dev.shop.inventory.domain.Stock;
import dev.shop.inventory.domain.StockLookup;
import dev.shop.runtime.invocation.EventOutcome;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.testing.Deliveries;
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
    private final Invocations invocations;
    private final Supplier<Integer> expireReservations;
    private final Reservations reservations;
    private final Jdbi jdbi;
    private final EventCodec codec;

    @SuppressWarnings("unchecked")
    public Stockroom(ApplicationContext context) {
        setStock = context.getBean("setStock", Function.class);
        getStock = context.getBean("getStock", Function.class);
        invocations = context.getBean(Invocations.class);
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

    /** Delivers the command to reserveInventory as a trigger does; what the invocation layer did with it. */
    public EventOutcome deliver(EventEnvelope<ReserveInventory> command) {
        return Deliveries.deliver(invocations, "reserveInventory", command);
    }

    public ReservationOutcome reserve(EventEnvelope<ReserveInventory> command) {
        return handled(deliver(command), ReservationOutcome.class);
    }

    public ReservationOutcome reserve(Commands command) {
        return reserve(command.build());
    }

    public EventOutcome deliverRelease(EventEnvelope<ReleaseInventory> command) {
        return Deliveries.deliver(invocations, "releaseInventory", command);
    }

    public ReleaseOutcome release(String checkoutId) {
        return handled(deliverRelease(Commands.release(checkoutId)), ReleaseOutcome.class);
    }

    public CommitOutcome commit(String checkoutId) {
        return handled(Deliveries.deliver(invocations, "commitInventory", Commands.commit(checkoutId)),
                CommitOutcome.class);
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

    private static <O> O handled(EventOutcome delivery, Class<O> outcome) {
        assertThat(delivery).isInstanceOf(EventOutcome.Handled.class);
        return outcome.cast(((EventOutcome.Handled) delivery).result());
    }
}
