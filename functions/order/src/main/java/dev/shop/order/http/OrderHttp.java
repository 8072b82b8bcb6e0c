package dev.shop.order.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.order.domain.OrderIds;
import dev.shop.order.domain.OrderLookup;
import dev.shop.order.domain.OrderPage;
import dev.shop.order.domain.OrderSearch;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.PageCursor;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;

/** The HTTP binding of the order functions: request to query, outcome to status code. */
public class OrderHttp implements HttpOperations {

    private static final int MAX_CUSTOMER_ID_LENGTH = 128;
    private static final PageCursor CURSORS = new PageCursor(OrderIds::valid);

    private final ObjectMapper mapper;
    private final Function<String, OrderLookup> getOrder;
    private final Function<OrderSearch, OrderPage> listOrders;

    public OrderHttp(ObjectMapper mapper, Function<String, OrderLookup> getOrder,
                     Function<OrderSearch, OrderPage> listOrders) {
        this.mapper = mapper;
        this.getOrder = getOrder;
        this.listOrders = listOrders;
    }

    @Override
    public Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        operations.put("getOrder", this::get);
        operations.put("listOrders", this::list);
        return operations;
    }

    private HttpResponse get(HttpRequest request) {
        String orderId = request.pathParameter("orderId");
        if (!OrderIds.valid(orderId)) {
            throw ProblemException.invalidField("orderId", "must be " + OrderIds.RULE);
        }
        return switch (getOrder.apply(orderId)) {
            case OrderLookup.Found found -> HttpResponse.json(mapper, 200, found.order());
            case OrderLookup.NotFound notFound -> throw new ProblemException(
                    Problems.notFound("No order with id " + notFound.orderId()));
        };
    }

    private HttpResponse list(HttpRequest request) {
        String customerId = request.query("customerId")
                .orElseThrow(() -> ProblemException.invalidField("customerId", "is required"));
        if (customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
            throw ProblemException.invalidField("customerId",
                    "must be at most " + MAX_CUSTOMER_ID_LENGTH + " characters");
        }
        int limit = request.query("limit").map(v -> PageCursor.limit(v, OrderSearch.MAX_LIMIT))
                .orElse(OrderSearch.DEFAULT_LIMIT);
        String before = request.query("cursor").map(CURSORS::decode).orElse(null);
        OrderPage page = listOrders.apply(new OrderSearch(customerId, limit, before));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.lastOrderId() == null ? null : CURSORS.encode(page.lastOrderId()));
        return HttpResponse.json(mapper, 200, body);
    }
}
