package dev.shop.catalog.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.catalog.domain.CatalogCommands.DeleteProduct;
import dev.shop.catalog.domain.CatalogCommands.UpsertProduct;
import dev.shop.catalog.domain.ProductChange;
import dev.shop.catalog.domain.ProductDraft;
import dev.shop.catalog.domain.ProductLookup;
import dev.shop.catalog.domain.ProductPage;
import dev.shop.catalog.domain.ProductRemoval;
import dev.shop.catalog.domain.ProductSearch;
import dev.shop.events.Skus;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.http.PageCursor;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;

/** The HTTP binding of the catalog functions: request to command, outcome to status code. */
public class CatalogHttp implements HttpOperations {

    private static final PageCursor CURSORS = new PageCursor(Skus::valid);

    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final Function<String, ProductLookup> getProduct;
    private final Function<ProductSearch, ProductPage> listProducts;
    private final Function<UpsertProduct, ProductChange> upsertProduct;
    private final Function<DeleteProduct, ProductRemoval> deleteProduct;

    public CatalogHttp(ObjectMapper mapper, JsonBodies bodies, Function<String, ProductLookup> getProduct,
                       Function<ProductSearch, ProductPage> listProducts,
                       Function<UpsertProduct, ProductChange> upsertProduct,
                       Function<DeleteProduct, ProductRemoval> deleteProduct) {
        this.mapper = mapper;
        this.bodies = bodies;
        this.getProduct = getProduct;
        this.listProducts = listProducts;
        this.upsertProduct = upsertProduct;
        this.deleteProduct = deleteProduct;
    }

    @Override
    public Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        operations.put("getProduct", this::get);
        operations.put("listProducts", this::list);
        operations.put("upsertProduct", this::upsert);
        operations.put("deleteProduct", this::delete);
        return operations;
    }

    private HttpResponse get(HttpRequest request) {
        String sku = sku(request);
        return switch (getProduct.apply(sku)) {
            case ProductLookup.Found found -> HttpResponse.json(mapper, 200, found.product())
                    .withHeader("x-cache", found.fromCache() ? "HIT" : "MISS")
                    .withHeader("etag", "\"" + found.product().version() + "\"");
            case ProductLookup.NotFound notFound -> throw new ProblemException(
                    Problems.notFound("No product with SKU " + notFound.sku()));
        };
    }

    private HttpResponse list(HttpRequest request) {
        int limit = request.query("limit").map(v -> PageCursor.limit(v, ProductSearch.MAX_LIMIT))
                .orElse(ProductSearch.DEFAULT_LIMIT);
        String after = request.query("cursor").map(CURSORS::decode).orElse(null);
        String text = request.query("q").map(String::trim).orElse(null);
        if (text != null && text.length() > 100) {
            throw ProblemException.invalidField("q", "must be at most 100 characters");
        }
        String category = request.query("category").orElse(null);
        ProductPage page = listProducts.apply(new ProductSearch(text, category, limit, after));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.lastSku() == null ? null : CURSORS.encode(page.lastSku()));
        return HttpResponse.json(mapper, 200, body);
    }

    private HttpResponse upsert(HttpRequest request) {
        String sku = sku(request);
        ProductDraft draft = bodies.read(request, ProductDraft.class);
        if (draft.sku() != null && !draft.sku().equals(sku)) {
            throw ProblemException.invalidField("sku", "must match the SKU in the path (" + sku + ")");
        }
        return switch (upsertProduct.apply(new UpsertProduct(sku, draft, request.correlationId()))) {
            case ProductChange.Created created -> HttpResponse.json(mapper, 201, created.product())
                    .withHeader("location", "/products/" + sku);
            case ProductChange.Updated updated -> HttpResponse.json(mapper, 200, updated.product());
            case ProductChange.Unchanged unchanged -> HttpResponse.json(mapper, 200, unchanged.product());
        };
    }

    private HttpResponse delete(HttpRequest request) {
        String sku = sku(request);
        return switch (deleteProduct.apply(new DeleteProduct(sku, request.correlationId()))) {
            case ProductRemoval.Deleted deleted -> HttpResponse.noContent();
            case ProductRemoval.NotFound notFound -> throw new ProblemException(
                    Problems.notFound("No product with SKU " + notFound.sku()));
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
