package dev.shop.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.checkout.domain.CheckoutRequest;

/** Bodies of {@code POST /checkouts}: {@code aCheckoutOf(cartId).paymentToken("tok_x").json()}. */
public final class CheckoutBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String cartId;
    private String customerId = "cust-" + UUID.randomUUID().toString().substring(0, 8);
    private String paymentToken = "tok_visa_" + UUID.randomUUID().toString().substring(0, 8);

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
        return new CheckoutRequest(cartId, customerId, paymentToken);
    }

    public String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cartId", cartId);
        body.put("customerId", customerId);
        body.put("paymentToken", paymentToken);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
