package dev.shop.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.shop.checkout.domain.CheckoutRequest;

/** Bodies of {@code POST /checkouts}: {@code post("/checkouts").json(aCheckoutOf(cartId).paymentToken("tok_x"))}. */
public final class CheckoutBodies {

    private String cartId;
    private String customerId = "cust-" + UUID.randomUUID().toString().substring(0, 8);
    private String paymentToken = "tok_visa_" + UUID.randomUUID().toString().substring(0, 8);
    private Long cartVersion;

    private CheckoutBodies(String cartId) {
        this.cartId = cartId;
    }

    public static CheckoutBodies aCheckoutOf(String cartId) {
        return new CheckoutBodies(cartId);
    }

    public CheckoutBodies cartId(String cartId) {
        this.cartId = cartId;
        return this;
    }

    public CheckoutBodies customerId(String customerId) {
        this.customerId = customerId;
        return this;
    }

    public CheckoutBodies paymentToken(String paymentToken) {
        this.paymentToken = paymentToken;
        return this;
    }

    /** The cart version the shopper saw; unset means "whatever the checkout holds". */
    public CheckoutBodies cartVersion(long cartVersion) {
        this.cartVersion = cartVersion;
        return this;
    }

    public String cartId() {
        return cartId;
    }

    public String customerId() {
        return customerId;
    }

    public String paymentToken() {
        return paymentToken;
    }

    /** The body as {@code startCheckout} receives it once read. */
    public CheckoutRequest build() {
        return new CheckoutRequest(cartId, customerId, paymentToken, cartVersion);
    }

    /** The body as the client sends it; {@code HttpRequestBuilder.json(...)} writes it as this JSON object. */
    @JsonValue
    public Map<String, Object> fields() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cartId", cartId);
        body.put("customerId", customerId);
        body.put("paymentToken", paymentToken);
        if (cartVersion != null) {
            body.put("cartVersion", cartVersion);
        }
        return body;
    }

    /** An Idempotency-Key no other test uses. */
    public static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }
}
