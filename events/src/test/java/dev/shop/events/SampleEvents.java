package dev.shop.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixed sample records for codec, envelope and fixture tests; the checkout samples tell one checkout. */
final class SampleEvents {

    static final String SOURCE = "/functions/catalog";
    static final String CORRELATION_ID = "req-7f3a";

    private SampleEvents() {
    }

    static ProductChanged trailShoe() {
        return new ProductChanged("SKU-1001", "Trail Runner", "Light shoe for rough trails", "Peakline",
                "shoes", "blue", "42", 12_999, "EUR", List.of("running", "outdoor"), 3,
                Instant.parse("2025-03-14T09:26:53.589Z"));
    }

    /** Only the required fields; everything optional is null. */
    static ProductChanged giftCard() {
        return new ProductChanged("SKU-2002", "Gift card", null, null, "gift-cards", null, null, 2_500, "EUR",
                null, 1, Instant.parse("2025-03-15T10:00:00Z"));
    }

    static ProductDeleted deletedShoe() {
        return new ProductDeleted("SKU-1001", 4, Instant.parse("2025-03-16T08:00:00Z"));
    }

    static final String CHECKOUT_SOURCE = "/functions/checkout";
    static final String CHECKOUT_ID = "chk-2f9c41";
    static final String CART_ID = "cart-8e21";
    static final String CUSTOMER_ID = "cus-5531";

    /** Step Functions task tokens are opaque strings several hundred characters long; shortened here. */
    static final String RESERVE_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAZ2Yq1bSWG6mU2nE1pNBu7Rw9Xr3Kd0aQ==";
    static final String PAYMENT_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAfQ8zLk2mWcT4vHj9sYbE0Ro5Nd7Ua1pXg==";

    static List<OrderLine> checkoutLines() {
        return List.of(new OrderLine("SKU-1001", "Trail Runner", 1, 12_999),
                new OrderLine("SKU-3003", "Rain jacket", 2, 8_900));
    }

    static CartChanged cartWithTwoLines() {
        return new CartChanged(CART_ID, checkoutLines(), "EUR", false, 5, Instant.parse("2025-05-02T09:58:12.417Z"));
    }

    /** A deleted cart: no lines, no currency. */
    static CartChanged deletedCart() {
        return new CartChanged(CART_ID, List.of(), null, true, 7, Instant.parse("2025-05-02T10:01:40Z"));
    }

    static ReserveInventory reserveInventory() {
        return new ReserveInventory(RESERVE_TOKEN, CHECKOUT_ID,
                List.of(new StockLine("SKU-1001", 1), new StockLine("SKU-3003", 2)), 900);
    }

    static ReleaseInventory releaseInventory() {
        return new ReleaseInventory("AQCEAAAAKgAAAAMAAAAAAAAAAaR7wQe1Vn8sLm3Tj6yKd2Hc0Bx5Zp9fGw==", CHECKOUT_ID);
    }

    static CommitInventory commitInventory() {
        return new CommitInventory("AQCEAAAAKgAAAAMAAAAAAAAAAcY3nTb8Ke0mJq5Wr2xLs7Pd1Gv6Hf4aUw==", CHECKOUT_ID);
    }

    static ProcessPayment processPayment() {
        return new ProcessPayment(PAYMENT_TOKEN, CHECKOUT_ID, CUSTOMER_ID, 30_799, "EUR", "pm_1Q2w3E4r5T6y7U8i");
    }

    static RefundPayment refundPayment() {
        return new RefundPayment("AQCEAAAAKgAAAAMAAAAAAAAAAbN6pRs3Mw9yDk1Xh8qLv4Tc2Jz0Ee5oYg==", CHECKOUT_ID);
    }

    static CreateOrder createOrder() {
        return new CreateOrder("AQCEAAAAKgAAAAMAAAAAAAAAAdE9kWt4Ra2nFs7Yb0qMx6Lh3Cp8Gv1uZw==", CHECKOUT_ID, CUSTOMER_ID,
                checkoutLines(), 30_799, "EUR");
    }

    static FreezeCart freezeCart() {
        return new FreezeCart("AQCEAAAAKgAAAAMAAAAAAAAAAVx2Tk9Ls4cQw1Bn7Yr0Hd5Ep3Mj8Zf6aKg==", CART_ID, CHECKOUT_ID, 5L, 900);
    }

    /** The shopper did not name a version: the cart as it is. */
    static FreezeCart freezeCartAsItIs() {
        return new FreezeCart("AQCEAAAAKgAAAAMAAAAAAAAAAVx2Tk9Ls4cQw1Bn7Yr0Hd5Ep3Mj8Zf6aKg==", CART_ID, CHECKOUT_ID, null, 900);
    }

    static ReleaseCart releaseCart() {
        return new ReleaseCart("AQCEAAAAKgAAAAMAAAAAAAAAAWq8Rb3Xn1Dk6Ts0Lc9Vy2Mh7Pe4Jf5aBw==", CART_ID, CHECKOUT_ID);
    }

    static ClearCart clearCart() {
        return new ClearCart("AQCEAAAAKgAAAAMAAAAAAAAAAeH2mVx7Pq4sTj9Kc1wNr5Ub8Dy3Lf6aRg==", CART_ID, CHECKOUT_ID,
                List.of(new StockLine("SKU-1001", 1), new StockLine("SKU-3003", 2)));
    }

    /** As checkouts sent it before ClearCart named the lines bought. */
    static ClearCart clearWholeCart() {
        return new ClearCart("AQCEAAAAKgAAAAMAAAAAAAAAAeH2mVx7Pq4sTj9Kc1wNr5Ub8Dy3Lf6aRg==", CART_ID, CHECKOUT_ID);
    }

    static TaskSucceeded stockReserved() {
        return new TaskSucceeded(RESERVE_TOKEN, Map.of("reservationId", "res-77a1"));
    }

    /** Output as Jackson reads a nested JSON object: maps, lists, integers and an explicit null. */
    static TaskSucceeded paymentCaptured() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("paymentId", "pay-3391");
        output.put("amountCents", 30_799);
        output.put("card", Map.of("brand", "visa", "last4", "4242"));
        output.put("warnings", List.of());
        output.put("receiptUrl", null);
        return new TaskSucceeded(PAYMENT_TOKEN, output);
    }

    static TaskFailed paymentDeclined() {
        return new TaskFailed(PAYMENT_TOKEN, "Payment.Declined", "The card was declined by its issuer.");
    }

    static PlanFinished planCompleted() {
        return new PlanFinished("sess-4d21", "cust-42", "COMPLETED", "Your order ord-7c1e is placed.", "chk-2f9c41",
                "ord-7c1e", Instant.parse("2025-05-02T10:00:09.512Z"));
    }

    /** A clarification: no checkout, no order. */
    static PlanFinished planNeedsInput() {
        return new PlanFinished("sess-4d21", "cust-42", "NEEDS_INPUT", "Which colour: red or blue?", null, null,
                Instant.parse("2025-05-02T09:58:41.020Z"));
    }
}
