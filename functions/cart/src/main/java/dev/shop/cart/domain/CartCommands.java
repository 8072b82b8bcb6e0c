package dev.shop.cart.domain;

/** The commands of the cart's HTTP functions. A quantity outside 1..99 is refused here; the HTTP face says so first. */
public final class CartCommands {

    private CartCommands() {
    }

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
}
