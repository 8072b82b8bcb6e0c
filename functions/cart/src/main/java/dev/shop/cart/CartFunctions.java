package dev.shop.cart;

import java.util.function.Consumer;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cart.domain.CartLine;
import dev.shop.cart.domain.CartLookup;
import dev.shop.cart.domain.CartOutcome;
import dev.shop.cart.domain.CartRemoval;
import dev.shop.cart.domain.CartRepository;
import dev.shop.cart.domain.ProductPrices;
import dev.shop.cart.http.CartHttp;
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
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The cart's function beans: the business rules, and the thin HTTP and Kafka faces around them. */
@Configuration(proxyBeanMethods = false)
public class CartFunctions {

    /** The commands of the cart functions. The HTTP face reports a quantity outside 1..99 as a 400 first. */
    public record AddToCart(String cartId, String sku, int quantity) {
        public AddToCart {
            requireLineQuantity(quantity);
        }
    }

    public record GetCart(String cartId) {
    }

    public record SetCartItemQuantity(String cartId, String sku, int quantity) {
        public SetCartItemQuantity {
            requireLineQuantity(quantity);
        }
    }

    public record RemoveCartItem(String cartId, String sku) {
    }

    public record DeleteCart(String cartId) {
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
    CartRepository cartRepository(Jdbi jdbi, ProductPrices prices) {
        return new CartRepository(jdbi, prices);
    }

    @Bean
    public Function<AddToCart, CartOutcome> addToCart(CartRepository carts) {
        return command -> carts.add(command.cartId(), command.sku(), command.quantity());
    }

    @Bean
    public Function<GetCart, CartLookup> getCart(CartRepository carts) {
        return command -> carts.find(command.cartId())
                .<CartLookup>map(CartLookup.Found::new)
                .orElseGet(() -> new CartLookup.NotFound(command.cartId()));
    }

    @Bean
    public Function<SetCartItemQuantity, CartOutcome> setCartItemQuantity(CartRepository carts) {
        return command -> carts.setQuantity(command.cartId(), command.sku(), command.quantity());
    }

    @Bean
    public Function<RemoveCartItem, CartOutcome> removeCartItem(CartRepository carts) {
        return command -> carts.remove(command.cartId(), command.sku());
    }

    @Bean
    public Function<DeleteCart, CartRemoval> deleteCart(CartRepository carts) {
        return command -> carts.delete(command.cartId());
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
}
