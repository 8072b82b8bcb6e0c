package dev.shop.inventory;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.CommitInventory;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventType;
import dev.shop.events.EventTypes;
import dev.shop.events.ReleaseInventory;
import dev.shop.events.ReserveInventory;
import dev.shop.inventory.domain.CommitOutcome;
import dev.shop.inventory.domain.Delivery;
import dev.shop.inventory.domain.ReleaseOutcome;
import dev.shop.inventory.domain.ReservationOutcome;
import dev.shop.inventory.domain.Reservations;
import dev.shop.inventory.domain.Stock;
import dev.shop.inventory.domain.StockLookup;
import dev.shop.inventory.domain.StockRepository;
import dev.shop.inventory.http.InventoryHttp;
import dev.shop.runtime.aws.ApiGatewayHttpFunction;
import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.config.ShopProperties;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.kafka.EventConsumers;
import dev.shop.runtime.kafka.EventConsumers.PoisonEventException;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The inventory's function beans: the business rules ({@code setStock}, {@code getStock},
 * {@code reserveStock}, {@code releaseStock}, {@code commitStock}, {@code expireReservations}) and the thin
 * HTTP and Kafka faces around them.
 */
@Configuration(proxyBeanMethods = false)
public class InventoryFunctions {

    /** The command of {@code setStock}: the SKU's free stock, already checked to be 0..1,000,000. */
    public record SetStock(String sku, long available) {
    }

    @Bean
    StockRepository stockRepository(Jdbi jdbi, Clock clock) {
        return new StockRepository(jdbi, clock);
    }

    @Bean
    Reservations reservations(Jdbi jdbi, Outbox outbox, FunctionManifest manifest, Clock clock) {
        return new Reservations(jdbi, outbox, manifest.topicName(EventTypes.TASK_RESULTS_TOPIC), clock);
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
    public Function<EventEnvelope<ReserveInventory>, Delivery<ReservationOutcome>> reserveStock(
            Reservations reservations) {
        return reservations::reserve;
    }

    @Bean
    public Function<EventEnvelope<ReleaseInventory>, Delivery<ReleaseOutcome>> releaseStock(
            Reservations reservations) {
        return reservations::release;
    }

    @Bean
    public Function<EventEnvelope<CommitInventory>, Delivery<CommitOutcome>> commitStock(Reservations reservations) {
        return reservations::commit;
    }

    /** Expires overdue holds; the cloud scheduler invokes it, locally {@link ExpirySchedule} does. */
    @Bean
    public Supplier<Integer> expireReservations(Reservations reservations, InvocationMeter meter) {
        return () -> {
            InvocationMeter.Invocation invocation = meter.start("expireReservations", Trigger.SCHEDULE, null);
            try {
                int expired = reservations.expireDue();
                invocation.end(Outcome.SUCCESS);
                return expired;
            } catch (RuntimeException e) {
                invocation.end(Outcome.ERROR);
                throw e;
            }
        };
    }

    @Bean
    public Consumer<Message<byte[]>> reserveInventory(EventConsumers consumers,
            Function<EventEnvelope<ReserveInventory>, Delivery<ReservationOutcome>> reserveStock) {
        return consumers.consumer(Reservations.RESERVE,
                event -> reserveStock.apply(expect(Reservations.RESERVE, EventTypes.RESERVE_INVENTORY, event)));
    }

    @Bean
    public Consumer<Message<byte[]>> releaseInventory(EventConsumers consumers,
            Function<EventEnvelope<ReleaseInventory>, Delivery<ReleaseOutcome>> releaseStock) {
        return consumers.consumer(Reservations.RELEASE,
                event -> releaseStock.apply(expect(Reservations.RELEASE, EventTypes.RELEASE_INVENTORY, event)));
    }

    @Bean
    public Consumer<Message<byte[]>> commitInventory(EventConsumers consumers,
            Function<EventEnvelope<CommitInventory>, Delivery<CommitOutcome>> commitStock) {
        return consumers.consumer(Reservations.COMMIT,
                event -> commitStock.apply(expect(Reservations.COMMIT, EventTypes.COMMIT_INVENTORY, event)));
    }

    @Bean
    HttpApi inventoryHttpApi(FunctionManifest manifest, ShopProperties shop, InvocationMeter meter,
                             ObjectMapper mapper, JsonBodies bodies, Function<SetStock, Stock> setStock,
                             Function<String, StockLookup> getStock) {
        InventoryHttp http = new InventoryHttp(mapper, bodies, setStock, getStock);
        return RuntimeAutoConfiguration.httpApi(manifest, shop, http.operations(), meter, mapper);
    }

    /** The HTTP entry point on Lambda (API Gateway payload 2.0) and in the local gateway. */
    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> inventoryApi(HttpApi inventoryHttpApi) {
        return new ApiGatewayHttpFunction(inventoryHttpApi);
    }

    /** A command topic carries one type; anything else on it is a message no retry can fix. */
    @SuppressWarnings("unchecked")
    private static <T> EventEnvelope<T> expect(String function, EventType<T> type, EventEnvelope<?> event) {
        if (!type.dataClass().isInstance(event.data())) {
            throw new PoisonEventException(function + ": expected " + type.name() + " but got " + event.type()
                    + " (event " + event.id() + ")", null);
        }
        return (EventEnvelope<T>) event;
    }
}
