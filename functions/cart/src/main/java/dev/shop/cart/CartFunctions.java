package dev.shop.cart;

import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cart.domain.CartCommands.AddToCart;
import dev.shop.cart.domain.CartCommands.DeleteCart;
import dev.shop.cart.domain.CartCommands.GetCart;
import dev.shop.cart.domain.CartCommands.RemoveCartItem;
import dev.shop.cart.domain.CartCommands.SetCartItemQuantity;
import dev.shop.cart.domain.CartHolds;
import dev.shop.cart.domain.CartLookup;
import dev.shop.cart.domain.CartOutcome;
import dev.shop.cart.domain.CartRemoval;
import dev.shop.cart.domain.Carts;
import dev.shop.cart.domain.ProductPrices;
import dev.shop.cart.http.CartHttp;
import dev.shop.events.EventTypes;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cart's function beans: its rules, one bean per manifest function, and its HTTP face. */
@Configuration(proxyBeanMethods = false)
public class CartFunctions {

    @Bean
    ProductPrices productPrices(Jdbi jdbi) {
        return new ProductPrices(jdbi);
    }

    @Bean
    Carts carts(Jdbi jdbi, ProductPrices prices, Outbox outbox, FunctionManifest manifest) {
        return new Carts(jdbi, prices, outbox, manifest.topicName(EventTypes.CART_EVENTS_TOPIC));
    }

    @Bean
    CartHolds cartHolds(Carts carts, TaskReplies replies) {
        return new CartHolds(carts, replies);
    }

    @Bean
    public Function<AddToCart, CartOutcome> addToCart(Carts carts) {
        return command -> carts.add(command.cartId(), command.sku(), command.quantity(), command.correlationId());
    }

    @Bean
    public Function<GetCart, CartLookup> getCart(Carts carts) {
        return command -> carts.find(command.cartId())
                .<CartLookup>map(CartLookup.Found::new)
                .orElseGet(() -> new CartLookup.NotFound(command.cartId()));
    }

    @Bean
    public Function<SetCartItemQuantity, CartOutcome> setCartItemQuantity(Carts carts) {
        return command -> carts.setQuantity(command.cartId(), command.sku(), command.quantity(), command.correlationId());
    }

    @Bean
    public Function<RemoveCartItem, CartOutcome> removeCartItem(Carts carts) {
        return command -> carts.remove(command.cartId(), command.sku(), command.correlationId());
    }

    @Bean
    public Function<DeleteCart, CartRemoval> deleteCart(Carts carts) {
        return command -> carts.delete(command.cartId(), command.correlationId());
    }

    /** Keeps the cart's replica of names and prices in step with the catalog's product events. */
    @Bean
    public EventFunction syncCartPrices(ProductPrices prices) {
        return EventFunction.inTransaction(EventTypes.PRODUCT_CHANGED, (h, event) -> prices.changed(h, event.data()))
                .andInTransaction(EventTypes.PRODUCT_DELETED, (h, event) -> prices.deleted(h, event.data()));
    }

    /** The checkout's first step: hold the cart and say exactly what it holds. */
    @Bean
    public EventFunction freezeCart(CartHolds holds) {
        return EventFunction.inTransaction(EventTypes.FREEZE_CART, holds::freeze);
    }

    /** The checkout's compensation: let the cart go, unchanged. */
    @Bean
    public EventFunction releaseCart(CartHolds holds) {
        return EventFunction.inTransaction(EventTypes.RELEASE_CART, holds::release);
    }

    /** The checkout's last step: take what was bought out of the cart, and say so. */
    @Bean
    public EventFunction clearCart(CartHolds holds) {
        return EventFunction.inTransaction(EventTypes.CLEAR_CART, holds::clear);
    }

    @Bean
    CartHttp cartHttp(ObjectMapper mapper, JsonBodies bodies, Function<AddToCart, CartOutcome> addToCart,
                      Function<GetCart, CartLookup> getCart,
                      Function<SetCartItemQuantity, CartOutcome> setCartItemQuantity,
                      Function<RemoveCartItem, CartOutcome> removeCartItem,
                      Function<DeleteCart, CartRemoval> deleteCart) {
        return new CartHttp(mapper, bodies, addToCart, getCart, setCartItemQuantity, removeCartItem, deleteCart);
    }
}
