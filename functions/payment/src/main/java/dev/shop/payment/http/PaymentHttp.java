package dev.shop.payment.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.payment.domain.CheckoutIds;
import dev.shop.payment.domain.PaymentLookup;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;

/** The HTTP binding of the payment functions: an admin's view of a checkout's payment and ledger. */
public class PaymentHttp implements HttpOperations {

    private final ObjectMapper mapper;
    private final Function<String, PaymentLookup> getPayment;

    public PaymentHttp(ObjectMapper mapper, Function<String, PaymentLookup> getPayment) {
        this.mapper = mapper;
        this.getPayment = getPayment;
    }

    @Override
    public Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        operations.put("getPayment", this::get);
        return operations;
    }

    private HttpResponse get(HttpRequest request) {
        String checkoutId = request.pathParameter("checkoutId");
        if (!CheckoutIds.valid(checkoutId)) {
            throw ProblemException.invalidField("checkoutId", "must be " + CheckoutIds.RULE);
        }
        return switch (getPayment.apply(checkoutId)) {
            case PaymentLookup.Found found -> HttpResponse.json(mapper, 200, found);
            case PaymentLookup.NotFound notFound -> throw new ProblemException(
                    Problems.notFound("No payment for checkout " + notFound.checkoutId()));
        };
    }
}
