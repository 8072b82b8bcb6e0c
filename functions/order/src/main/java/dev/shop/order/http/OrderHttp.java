package dev.shop.order.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.order.domain.OrderIds;
import dev.shop.order.domain.OrderLookup;
import dev.shop.order.domain.OrderPage;
import dev.shop.order.domain.OrderSearch;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;

/** The HTTP binding of the order functions: request to query, outcome to status code. */
public class OrderHttp {

    private static final int MAX_CUSTOMER_ID_LENGTH = 128;

    private final ObjectMapper mapper;
    private final Function<String, OrderLookup> getOrder;
    private final Function<OrderSearch, OrderPage> listOrders;

    public OrderHttp(ObjectMapper mapper, Function<String, OrderLookup> getOrder,
                     Function<OrderSearch, OrderPage> listOrders) {
        this.mapper = mapper;
        this.getOrder = getOrder;
        this.listOrders = listOrders;
    }

    public Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        operations.put("getOrder", this::get);
        operations.put("listOrders", this::list);
        return operations;
    }

    private HttpResponse get(HttpRequest request) {
        String orderId = request.pathParameter("orderId");
        if (!OrderIds.valid(orderId)) {
            throw invalid("orderId", "must be " + OrderIds.RULE);
        }
        return switch (getOrder.apply(orderId)) {
            case OrderLookup.Found found -> json(200, found.order());
            case OrderLookup.NotFound notFound -> throw new ProblemException(
                    Problems.notFound("No order with id " + notFound.orderId()));
        };
    }

    private HttpResponse list(HttpRequest request) {
        String customerId = request.query("customerId").orElseThrow(() -> invalid("customerId", "is required"));
        if (customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
            throw invalid("customerId", "must be at most " + MAX_CUSTOMER_ID_LENGTH + " characters");
        }
        int limit = request.query("limit").map(OrderHttp::limit).orElse(OrderSearch.DEFAULT_LIMIT);
        String before = request.query("cursor").map(OrderHttp::decodeCursor).orElse(null);
        OrderPage page = listOrders.apply(new OrderSearch(customerId, limit, before));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.lastOrderId() == null ? null : encodeCursor(page.lastOrderId()));
        return json(200, body);
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= OrderSearch.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("limit", "must be a whole number from 1 to " + OrderSearch.MAX_LIMIT);
    }

    private static String encodeCursor(String orderId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(orderId.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            String orderId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (OrderIds.valid(orderId)) {
                return orderId;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid("cursor", "is not a cursor this API returned");
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problems.invalidFields(List.of(new Problem.FieldError(field, message))));
    }

    private HttpResponse json(int status, Object body) {
        try {
            return HttpResponse.json(status, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }
}
