package dev.shop.order.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.CreateOrder;
import dev.shop.events.EventEnvelope;
import dev.shop.order.OrderCommands;
import dev.shop.order.OrderOnRealServers;
import dev.shop.order.domain.Orders;
import dev.shop.order.domain.OrderIds;
import dev.shop.order.domain.OrderOutcome;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.HttpRequestBuilder;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.shop.order.OrderCommands.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /orders/{orderId} and GET /orders?customerId=…: a customer's orders, newest first, page by page. */
@OrderOnRealServers
class OrderHttpTest {

    @Autowired
    HttpApi orderHttpApi;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    Orders orders;
    @Autowired
    Jdbi jdbi;

    @Test
    void getAndListOrders() throws Exception {
        String customerId = OrderCommands.uniqueCustomerId();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(placed(anOrder().customerId(customerId)));
        }
        placed(anOrder()); // someone else's

        HttpResponse one = orderHttpApi.handle(HttpRequestBuilder.get("/orders/" + placed.getFirst()).build());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpRequestBuilder request = HttpRequestBuilder.get("/orders").query("customerId", customerId)
                    .query("limit", "2");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            HttpResponse page = orderHttpApi.handle(request.build());
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = mapper.readTree(page.body());
            assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
            body.get("items").forEach(item -> seen.add(item.get("orderId").asText()));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(one.status()).isEqualTo(200);
        JsonNode order = mapper.readTree(one.body());
        assertThat(order.get("orderId").asText()).isEqualTo(placed.getFirst());
        assertThat(order.get("customerId").asText()).isEqualTo(customerId);
        assertThat(order.get("status").asText()).isEqualTo("PLACED");
        assertThat(order.get("totalCents").asLong()).isEqualTo(2948);
        assertThat(order.get("currency").asText()).isEqualTo("USD");
        assertThat(order.get("lines").findValuesAsText("sku")).containsExactly("MUG-RED", "PEN-BLUE");
        assertThat(order.get("lines").get(0).get("unitPriceCents").asLong()).isEqualTo(1299);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(placed.stream().sorted(Comparator.reverseOrder()).toList());
    }

    @Test
    void listsNothingForCustomerWithoutOrders() throws Exception {
        HttpResponse response = orderHttpApi.handle(HttpRequestBuilder.get("/orders")
                .query("customerId", OrderCommands.uniqueCustomerId()).build());

        JsonNode body = mapper.readTree(response.body());
        assertThat(response.status()).isEqualTo(200);
        assertThat(body.get("items")).isEmpty();
        assertThat(body.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void answers404ProblemForUnknownOrder() throws Exception {
        HttpResponse response = orderHttpApi.handle(HttpRequestBuilder.get("/orders/" + OrderIds.next()).build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.get("detail").asText()).startsWith("No order with id ord_");
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/requests/bad-order-requests.csv")
    void answersBadRequestsWithProblems(String description, String method, String path, String query, int status,
                                        String type, String field) throws Exception {
        HttpResponse response = orderHttpApi.handle(HttpRequestBuilder.request(method, path)
                .queryString(query == null ? null : query.replace("${longId}", "c".repeat(129))).build());

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(field);
        }
    }

    private String placed(OrderCommands order) {
        EventEnvelope<CreateOrder> command = order.envelope();
        return ((OrderOutcome.Placed) jdbi.inTransaction(h -> orders.create(h, command))).orderId();
    }
}
