package dev.shop.cart.domain;

/** What a function that changes a cart's lines did, or why it changed nothing. */
public sealed interface CartOutcome {

    record Updated(Cart cart) implements CartOutcome {
    }

    /** The SKU is not in the cart's replica of the catalog, or the catalog deleted it. */
    record UnknownProduct(String sku) implements CartOutcome {
    }

    record CartNotFound(String cartId) implements CartOutcome {
    }

    record ItemNotFound(String cartId, String sku) implements CartOutcome {
    }

    /** A cart holds one currency; the product is priced in another. */
    record CurrencyMismatch(String cartId, String cartCurrency, String sku, String productCurrency)
            implements CartOutcome {
    }

    /** A checkout is buying the cart: it changes again once that checkout ends. */
    record InCheckout(String cartId, String checkoutId) implements CartOutcome {
    }

    /** Adding to the SKU's line would take it above {@link CartLine#MAX_QUANTITY}. */
    record QuantityLimitExceeded(String cartId, String sku, int wouldBe) implements CartOutcome {
    }
}
