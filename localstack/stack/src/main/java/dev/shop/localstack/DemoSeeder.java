package dev.shop.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the demo catalog the way an admin would: {@code PUT /products/{sku}} with the admin token, through the
 * gateway's public routes, so the writes take the real path (function, outbox, Kafka, the cart's price replica).
 * A catalog that already has products is left alone, so that a restart against your own Postgres keeps your data.
 */
final class DemoSeeder implements AutoCloseable {

    /** How many writes go at once: enough to load 240 products in a few seconds, few enough for a laptop. */
    static final int PARALLEL_WRITES = 8;

    /**
     * What seeding did.
     *
     * @param written     products written now (0 when skipped)
     * @param skipped     the catalog had products already
     * @param exampleSku  a SKU to show in the summary: the first demo product, or the first one already there
     */
    record Result(int written, boolean skipped, String exampleSku) {
    }

    private final URI base;
    private final String adminToken;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    DemoSeeder(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    /** The SKU of a product the catalog already has, or null when it is empty. */
    String firstExistingSku() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/products?limit=1"))
                .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /products?limit=1 answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode items = mapper.readTree(response.body()).path("items");
        return items.isArray() && !items.isEmpty() ? items.get(0).path("sku").asText(null) : null;
    }

    Result seed(List<DemoProduct> products) throws IOException, InterruptedException {
        String existing = firstExistingSku();
        if (existing != null) {
            return new Result(0, true, existing);
        }
        AtomicInteger written = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService writers = Executors.newFixedThreadPool(PARALLEL_WRITES,
                Thread.ofVirtual().name("demo-seed-", 1).factory())) {
            List<Future<?>> writes = new ArrayList<>();
            for (DemoProduct product : products) {
                writes.add(writers.submit(() -> {
                    try {
                        HttpResponse<String> response = put(product);
                        HttpResponse<String> stock = ok(response) ? putStock(product) : response;
                        if (ok(response) && ok(stock)) {
                            written.incrementAndGet();
                        } else {
                            HttpResponse<String> failed = ok(response) ? stock : response;
                            failures.add(product.sku() + " answered " + failed.statusCode() + ": " + failed.body());
                        }
                    } catch (IOException e) {
                        failures.add(product.sku() + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Future<?> write : writes) {
                try {
                    write.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause().toString());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException(failures.size() + " of " + products.size() + " demo products were not written; first: "
                    + failures.getFirst());
        }
        return new Result(written.get(), false, products.isEmpty() ? null : products.getFirst().sku());
    }

    private HttpResponse<String> put(DemoProduct product) throws IOException, InterruptedException {
        String sku = URLEncoder.encode(product.sku(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/products/" + sku))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .header("authorization", "Bearer " + adminToken)
                .header("x-correlation-id", "demo-seed-" + product.sku())
                .PUT(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(product.body())))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The product's stock level, set the way an admin would: {@code PUT /inventory/{sku}}. */
    private HttpResponse<String> putStock(DemoProduct product) throws IOException, InterruptedException {
        String sku = URLEncoder.encode(product.sku(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/inventory/" + sku))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .header("authorization", "Bearer " + adminToken)
                .header("x-correlation-id", "demo-seed-" + product.sku())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"available\": " + product.stock() + "}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean ok(HttpResponse<String> response) {
        return response.statusCode() == 200 || response.statusCode() == 201;
    }

    @Override
    public void close() {
        http.close();
    }
}
