package dev.shop.catalog.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.catalog.CatalogFunctions.DeleteProduct;
import dev.shop.catalog.CatalogFunctions.UpsertProduct;
import dev.shop.catalog.domain.Product;
import dev.shop.catalog.domain.ProductChange;
import dev.shop.catalog.domain.ProductDraft;
import dev.shop.catalog.domain.ProductLookup;
import dev.shop.catalog.domain.ProductPage;
import dev.shop.catalog.domain.ProductRemoval;
import dev.shop.catalog.domain.ProductSearch;
import dev.shop.catalog.domain.Skus;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;

/** The HTTP binding of the catalog functions: request to command, outcome to status code. */
public class CatalogHttp {

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
            case ProductLookup.Found found -> json(200, found.product())
                    .withHeader("x-cache", found.fromCache() ? "HIT" : "MISS")
                    .withHeader("etag", "\"" + found.product().version() + "\"");
            case ProductLookup.NotFound notFound -> throw new ProblemException(
                    Problems.notFound("No product with SKU " + notFound.sku()));
        };
    }

    private HttpResponse list(HttpRequest request) {
        int limit = request.query("limit").map(CatalogHttp::limit).orElse(ProductSearch.DEFAULT_LIMIT);
        String after = request.query("cursor").map(CatalogHttp::decodeCursor).orElse(null);
        String text = request.query("q").map(String::trim).orElse(null);
        if (text != null && text.length() > 100) {
            throw invalid("q", "must be at most 100 characters");
        }
        String category = request.query("category").orElse(null);
        ProductPage page = listProducts.apply(new ProductSearch(text, category, limit, after));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.lastSku() == null ? null : encodeCursor(page.lastSku()));
        return json(200, body);
    }

    private HttpResponse upsert(HttpRequest request) {
        String sku = sku(request);
        ProductDraft draft = bodies.read(request, ProductDraft.class);
        if (draft.sku() != null && !draft.sku().equals(sku)) {
            throw invalid("sku", "must match the SKU in the path (" + sku + ")");
        }
        return switch (upsertProduct.apply(new UpsertProduct(sku, draft, request.correlationId()))) {
            case ProductChange.Created created -> json(201, created.product())
                    .withHeader("location", "/products/" + sku);
            case ProductChange.Updated updated -> json(200, updated.product());
            case ProductChange.Unchanged unchanged -> json(200, unchanged.product());
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
            throw invalid("sku", "must be " + Skus.RULE);
        }
        return sku;
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= ProductSearch.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("limit", "must be a whole number from 1 to " + ProductSearch.MAX_LIMIT);
    }

    private static String encodeCursor(String sku) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sku.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            String sku = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (Skus.valid(sku)) {
                return sku;
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
