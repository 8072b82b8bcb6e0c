package dev.shop.cart;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cart.domain.CartHolds;
import dev.shop.cart.domain.CartLine;
import dev.shop.cart.domain.CartLookup;
import dev.shop.cart.domain.CartOutcome;
import dev.shop.cart.domain.CartRemoval;
import dev.shop.cart.domain.CartRepository;
import dev.shop.cart.domain.ProductPrices;
import dev.shop.cart.http.CartHttp;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventType;
import dev.shop.events.EventTypes;
import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;
import dev.shop.runtime.aws.ApiGatewayHttpFunction;
import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.config.ShopProperties;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.kafka.EventConsumers;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The cart's function beans: the business rules, and the thin HTTP and Kafka faces around them. */
@Configuration(proxyBeanMethods = false)
public class CartFunctions {

    /** The commands of the cart functions. The HTTP face reports a quantity outside 1..99 as a 400 first. */
    public record AddToCart(String cartId, String sku, int quantity, String correlationId) {
        public AddToCart {
            requireLineQuantity(quantity);
        }
    }

    public record GetCart(String cartId) {
    }

    public record SetCartItemQuantity(String cartId, String sku, int quantity, String correlationId) {
        public SetCartItemQuantity {
            requireLineQuantity(quantity);
        }
    }

    public record RemoveCartItem(String cartId, String sku, String correlationId) {
    }

    public record DeleteCart(String cartId, String correlationId) {
    }

    private static void requireLineQuantity(int quantity) {
        if (quantity < CartLine.MIN_QUANTITY || quantity > CartLine.MAX_QUANTITY) {
            throw new IllegalArgumentException(
                    "quantity must be from " + CartLine.MIN_QUANTITY + " to " + CartLine.MAX_QUANTITY);
        }
    }

    @Bean
    ProductPrices productPrices(Jdbi jdbi) {
        return new ProductPrices(jdbi);
    }

    @Bean
    CartRepository cartRepository(Jdbi jdbi, ProductPrices prices, Outbox outbox, FunctionManifest manifest) {
        return new CartRepository(jdbi, prices, outbox, manifest.topicName(EventTypes.CART_EVENTS_TOPIC));
    }

    @Bean
    public Function<AddToCart, CartOutcome> addToCart(CartRepository carts) {
        return command -> carts.add(command.cartId(), command.sku(), command.quantity(), command.correlationId());
    }

    @Bean
    public Function<GetCart, CartLookup> getCart(CartRepository carts) {
        return command -> carts.find(command.cartId())
                .<CartLookup>map(CartLookup.Found::new)
                .orElseGet(() -> new CartLookup.NotFound(command.cartId()));
    }

    @Bean
    public Function<SetCartItemQuantity, CartOutcome> setCartItemQuantity(CartRepository carts) {
        return command -> carts.setQuantity(command.cartId(), command.sku(), command.quantity(), command.correlationId());
    }

    @Bean
    public Function<RemoveCartItem, CartOutcome> removeCartItem(CartRepository carts) {
        return command -> carts.remove(command.cartId(), command.sku(), command.correlationId());
    }

    @Bean
    public Function<DeleteCart, CartRemoval> deleteCart(CartRepository carts) {
        return command -> carts.delete(command.cartId(), command.correlationId());
    }

    /** Keeps the cart's replica of names and prices in step with the catalog's product events. */
    @Bean
    public Consumer<Message<byte[]>> syncCartPrices(EventConsumers consumers, ProductPrices prices) {
        return consumers.consumer("syncCartPrices", event -> {
            switch (event.data()) {
                case ProductChanged changed -> prices.changed(event.id(), changed);
                case ProductDeleted deleted -> prices.deleted(event.id(), deleted);
                default -> {
                    // other event types on the topic are not the replica's concern
                }
            }
        });
    }

    @Bean
    CartHolds cartHolds(Jdbi jdbi, CartRepository carts, TaskReplies replies) {
        return new CartHolds(jdbi, carts, replies);
    }

    /** The checkout's first step: hold the cart and say exactly what it holds. Idempotent. */
    @Bean
    public Consumer<Message<byte[]>> freezeCart(EventConsumers consumers, CartHolds holds) {
        return consumers.consumer(CartHolds.FREEZE,
                event -> holds.freeze(expect(CartHolds.FREEZE, EventTypes.FREEZE_CART, event)));
    }

    /** The checkout's compensation: let the cart go, unchanged. Idempotent. */
    @Bean
    public Consumer<Message<byte[]>> releaseCart(EventConsumers consumers, CartHolds holds) {
        return consumers.consumer(CartHolds.RELEASE,
                event -> holds.release(expect(CartHolds.RELEASE, EventTypes.RELEASE_CART, event)));
    }

    /** The checkout's last step: take what was bought out of the cart, and say so. Idempotent. */
    @Bean
    public Consumer<Message<byte[]>> clearCart(EventConsumers consumers, CartHolds holds) {
        return consumers.consumer(CartHolds.CLEAR,
                event -> holds.clear(expect(CartHolds.CLEAR, EventTypes.CLEAR_CART, event)));
    }

    @Bean
    HttpApi cartHttpApi(FunctionManifest manifest, ShopProperties shop, InvocationMeter meter, ObjectMapper mapper,
                        JsonBodies bodies, Function<AddToCart, CartOutcome> addToCart,
                        Function<GetCart, CartLookup> getCart,
                        Function<SetCartItemQuantity, CartOutcome> setCartItemQuantity,
                        Function<RemoveCartItem, CartOutcome> removeCartItem,
                        Function<DeleteCart, CartRemoval> deleteCart) {
        CartHttp http = new CartHttp(mapper, bodies, addToCart, getCart, setCartItemQuantity, removeCartItem,
                deleteCart);
        return RuntimeAutoConfiguration.httpApi(manifest, shop, http.operations(), meter, mapper);
    }

    /** The HTTP entry point on Lambda (API Gateway payload 2.0) and in the local gateway. */
    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> cartApi(HttpApi cartHttpApi) {
        return new ApiGatewayHttpFunction(cartHttpApi);
    }

    /** A command topic carries one type; anything else on it is a message no retry can fix. */
    @SuppressWarnings("unchecked")
    private static <T> EventEnvelope<T> expect(String function, EventType<T> type, EventEnvelope<?> event) {
        if (!type.dataClass().isInstance(event.data())) {
            throw new EventConsumers.PoisonEventException(function + ": expected " + type.name() + " but got "
                    + event.type() + " (event " + event.id() + ")", null);
        }
        return (EventEnvelope<T>) event;
    }
}
