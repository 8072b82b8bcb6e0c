package dev.shop.cart.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cart.domain.Cart;
import dev.shop.cart.domain.CartCommands.AddToCart;
import dev.shop.cart.domain.CartCommands.DeleteCart;
import dev.shop.cart.domain.CartCommands.GetCart;
import dev.shop.cart.domain.CartCommands.RemoveCartItem;
import dev.shop.cart.domain.CartCommands.SetCartItemQuantity;
import dev.shop.cart.domain.CartIds;
import dev.shop.cart.domain.CartLine;
import dev.shop.cart.domain.CartLookup;
import dev.shop.cart.domain.CartOutcome;
import dev.shop.cart.domain.CartRemoval;
import dev.shop.events.Skus;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The HTTP binding of the cart functions: request to command, outcome to status code. */
public class CartHttp implements HttpOperations {

    static final String QUANTITY_RULE =
            "must be a whole number from " + CartLine.MIN_QUANTITY + " to " + CartLine.MAX_QUANTITY;

    /** The body of {@code POST /carts/{cartId}/items}. */
    public record AddItemBody(
            @NotNull @Pattern(regexp = Skus.PATTERN, message = "must be " + Skus.RULE) String sku,
            @NotNull @Min(value = CartLine.MIN_QUANTITY, message = QUANTITY_RULE)
            @Max(value = CartLine.MAX_QUANTITY, message = QUANTITY_RULE) Integer quantity) {
    }

    /** The body of {@code PUT /carts/{cartId}/items/{sku}}. */
    public record QuantityBody(
            @NotNull @Min(value = CartLine.MIN_QUANTITY, message = QUANTITY_RULE)
            @Max(value = CartLine.MAX_QUANTITY, message = QUANTITY_RULE) Integer quantity) {
    }

    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final Function<AddToCart, CartOutcome> addToCart;
    private final Function<GetCart, CartLookup> getCart;
    private final Function<SetCartItemQuantity, CartOutcome> setCartItemQuantity;
    private final Function<RemoveCartItem, CartOutcome> removeCartItem;
    private final Function<DeleteCart, CartRemoval> deleteCart;

    public CartHttp(ObjectMapper mapper, JsonBodies bodies, Function<AddToCart, CartOutcome> addToCart,
                    Function<GetCart, CartLookup> getCart,
                    Function<SetCartItemQuantity, CartOutcome> setCartItemQuantity,
                    Function<RemoveCartItem, CartOutcome> removeCartItem,
                    Function<DeleteCart, CartRemoval> deleteCart) {
        this.mapper = mapper;
        this.bodies = bodies;
        this.addToCart = addToCart;
        this.getCart = getCart;
        this.setCartItemQuantity = setCartItemQuantity;
        this.removeCartItem = removeCartItem;
        this.deleteCart = deleteCart;
    }

    @Override
    public Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        operations.put("addToCart", this::add);
        operations.put("getCart", this::get);
        operations.put("setCartItemQuantity", this::setQuantity);
        operations.put("removeCartItem", this::remove);
        operations.put("deleteCart", this::delete);
        return operations;
    }

    private HttpResponse add(HttpRequest request) {
        String cartId = cartId(request);
        AddItemBody body = bodies.read(request, AddItemBody.class);
        return respond(addToCart.apply(new AddToCart(cartId, body.sku(), body.quantity(), request.correlationId())));
    }

    private HttpResponse get(HttpRequest request) {
        String cartId = cartId(request);
        return switch (getCart.apply(new GetCart(cartId))) {
            case CartLookup.Found found -> cart(found.cart());
            case CartLookup.NotFound notFound -> throw cartNotFound(notFound.cartId());
        };
    }

    private HttpResponse setQuantity(HttpRequest request) {
        String cartId = cartId(request);
        String sku = sku(request);
        QuantityBody body = bodies.read(request, QuantityBody.class);
        return respond(setCartItemQuantity.apply(new SetCartItemQuantity(cartId, sku, body.quantity(), request.correlationId())));
    }

    private HttpResponse remove(HttpRequest request) {
        String cartId = cartId(request);
        String sku = sku(request);
        return respond(removeCartItem.apply(new RemoveCartItem(cartId, sku, request.correlationId())));
    }

    private HttpResponse delete(HttpRequest request) {
        String cartId = cartId(request);
        return switch (deleteCart.apply(new DeleteCart(cartId, request.correlationId()))) {
            case CartRemoval.Deleted deleted -> HttpResponse.noContent();
            case CartRemoval.NotFound notFound -> throw cartNotFound(notFound.cartId());
            case CartRemoval.InCheckout busy -> throw inCheckout(busy.cartId(), busy.checkoutId());
        };
    }

    private HttpResponse respond(CartOutcome outcome) {
        return switch (outcome) {
            case CartOutcome.Updated updated -> cart(updated.cart());
            case CartOutcome.UnknownProduct unknown -> throw new ProblemException(
                    Problems.notFound("No product with SKU " + unknown.sku()));
            case CartOutcome.CartNotFound notFound -> throw cartNotFound(notFound.cartId());
            case CartOutcome.ItemNotFound notFound -> throw new ProblemException(
                    Problems.notFound("Cart " + notFound.cartId() + " has no item with SKU " + notFound.sku()));
            case CartOutcome.CurrencyMismatch mismatch -> throw new ProblemException(Problems.conflict(
                    "Cart " + mismatch.cartId() + " is priced in " + mismatch.cartCurrency() + " but SKU "
                            + mismatch.sku() + " is priced in " + mismatch.productCurrency()
                            + "; a cart holds one currency"));
            case CartOutcome.InCheckout busy -> throw inCheckout(busy.cartId(), busy.checkoutId());
            case CartOutcome.QuantityLimitExceeded exceeded -> throw ProblemException.invalidField("quantity",
                    "would make " + exceeded.wouldBe() + " of SKU " + exceeded.sku() + "; a cart holds at most "
                            + CartLine.MAX_QUANTITY + " of each item");
        };
    }

    private HttpResponse cart(Cart cart) {
        return HttpResponse.json(mapper, 200, cart).withHeader("etag", "\"" + cart.version() + "\"");
    }

    private static String cartId(HttpRequest request) {
        String cartId = request.pathParameter("cartId");
        if (!CartIds.validCartId(cartId)) {
            throw ProblemException.invalidField("cartId", "must be " + CartIds.CART_ID_RULE);
        }
        return cartId;
    }

    private static String sku(HttpRequest request) {
        String sku = request.pathParameter("sku");
        if (!Skus.valid(sku)) {
            throw ProblemException.invalidField("sku", "must be " + Skus.RULE);
        }
        return sku;
    }

    private static ProblemException inCheckout(String cartId, String checkoutId) {
        return new ProblemException(Problems.conflict("Cart " + cartId + " is being checked out as " + checkoutId
                + "; it can change again once that checkout ends (GET /checkouts/" + checkoutId + ")"));
    }

    private static ProblemException cartNotFound(String cartId) {
        return new ProblemException(Problems.notFound("No cart with id " + cartId));
    }
}
