package dev.shop.inventory.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.inventory.domain.InventoryCommands.SetStock;
import dev.shop.events.Skus;
import dev.shop.inventory.domain.Stock;
import dev.shop.inventory.domain.StockLevel;
import dev.shop.inventory.domain.StockLookup;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;

/** The HTTP binding of the stock functions: request to command, outcome to status code. */
public class InventoryHttp implements HttpOperations {

    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final Function<SetStock, Stock> setStock;
    private final Function<String, StockLookup> getStock;

    public InventoryHttp(ObjectMapper mapper, JsonBodies bodies, Function<SetStock, Stock> setStock,
                         Function<String, StockLookup> getStock) {
        this.mapper = mapper;
        this.bodies = bodies;
        this.setStock = setStock;
        this.getStock = getStock;
    }

    @Override
    public Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        operations.put("setStock", this::set);
        operations.put("getStock", this::get);
        return operations;
    }

    private HttpResponse set(HttpRequest request) {
        String sku = sku(request);
        StockLevel level = bodies.read(request, StockLevel.class);
        return HttpResponse.json(mapper, 200, setStock.apply(new SetStock(sku, level.available())));
    }

    private HttpResponse get(HttpRequest request) {
        String sku = sku(request);
        return switch (getStock.apply(sku)) {
            case StockLookup.Found found -> HttpResponse.json(mapper, 200, found.stock());
            case StockLookup.NotFound notFound -> throw new ProblemException(
                    Problems.notFound("No stock is recorded for SKU " + notFound.sku()));
        };
    }

    private static String sku(HttpRequest request) {
        String sku = request.pathParameter("sku");
        if (!Skus.valid(sku)) {
            throw ProblemException.invalidField("sku", "must be " + Skus.RULE);
        }
        return sku;
    }
}
