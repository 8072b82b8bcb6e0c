package dev.shop.inventory;

import java.time.Clock;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventTypes;
import dev.shop.inventory.domain.InventoryCommands.SetStock;
import dev.shop.inventory.domain.Reservations;
import dev.shop.inventory.domain.Stock;
import dev.shop.inventory.domain.StockLookup;
import dev.shop.inventory.domain.StockRepository;
import dev.shop.inventory.http.InventoryHttp;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.invocation.ScheduledFunction;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inventory's function beans: {@code setStock}, {@code getStock}, the checkout saga's
 * {@code reserveInventory}, {@code releaseInventory} and {@code commitInventory}, the scheduled
 * {@code expireReservations}, and the HTTP face.
 */
@Configuration(proxyBeanMethods = false)
public class InventoryFunctions {

    @Bean
    StockRepository stockRepository(Jdbi jdbi, Clock clock) {
        return new StockRepository(jdbi, clock);
    }

    @Bean
    Reservations reservations(Jdbi jdbi, TaskReplies replies, Clock clock) {
        return new Reservations(jdbi, replies, clock);
    }

    @Bean
    public Function<SetStock, Stock> setStock(StockRepository stock) {
        return command -> stock.set(command.sku(), command.available());
    }

    @Bean
    public Function<String, StockLookup> getStock(StockRepository stock) {
        return sku -> stock.find(sku)
                .<StockLookup>map(StockLookup.Found::new)
                .orElseGet(() -> new StockLookup.NotFound(sku));
    }

    @Bean
    public EventFunction reserveInventory(Reservations reservations) {
        return EventFunction.inTransaction(EventTypes.RESERVE_INVENTORY, reservations::reserve);
    }

    @Bean
    public EventFunction releaseInventory(Reservations reservations) {
        return EventFunction.inTransaction(EventTypes.RELEASE_INVENTORY, reservations::release);
    }

    @Bean
    public EventFunction commitInventory(Reservations reservations) {
        return EventFunction.inTransaction(EventTypes.COMMIT_INVENTORY, reservations::commit);
    }

    /** Expires overdue holds; a schedule invokes it in the cloud, the runtime's timer locally. */
    @Bean
    public ScheduledFunction expireReservations(Reservations reservations) {
        return ScheduledFunction.of(reservations::expireDue);
    }

    @Bean
    InventoryHttp inventoryHttp(ObjectMapper mapper, JsonBodies bodies, Function<SetStock, Stock> setStock,
                                Function<String, StockLookup> getStock) {
        return new InventoryHttp(mapper, bodies, setStock, getStock);
    }
}
