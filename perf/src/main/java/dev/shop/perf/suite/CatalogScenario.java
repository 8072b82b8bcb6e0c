package dev.shop.perf.suite;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.shop.perf.load.Arrival;
import dev.shop.perf.load.Latencies;
import dev.shop.perf.load.LoadDriver;
import dev.shop.perf.load.LoadResult;
import dev.shop.perf.load.Outcome;
import dev.shop.perf.load.ShopHttp;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * The catalog as shoppers use it, through the gateway: 79% {@code GET /products/{sku}} with SKUs drawn from a
 * Zipf distribution (s = 1.0) over the catalog, 20% list and search ({@code GET /products?category=...} and
 * {@code ?q=...}), 1% price updates by an admin (SKUs from the same Zipf). Reports each operation's latency and the
 * cache hit rate of the reads.
 */
final class CatalogScenario implements Arrival {

    private final ShopHttp http;
    private final int products;
    private final ZipfDistribution zipf;
    private final Map<String, Latencies> operations = new LinkedHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final AtomicLong priceBump = new AtomicLong();
    private volatile long measureFrom = Long.MIN_VALUE;

    CatalogScenario(ShopHttp http, int products, long seed) {
        this.http = http;
        this.products = products;
        this.zipf = new ZipfDistribution(new Well19937c(seed), products, 1.0);
        for (String op : new String[] {"getProduct", "listProducts", "searchProducts", "upsertProduct"}) {
            operations.put(op, new Latencies());
        }
    }

    /** Seeds the catalog through the admin API (an identical PUT changes nothing), with a progress line. */
    static void seed(ShopHttp http, int products, int concurrency) throws Exception {
        long begin = System.nanoTime();
        AtomicLong done = new AtomicLong();
        Semaphore slots = new Semaphore(concurrency);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<Future<?>> puts = new java.util.ArrayList<>();
            for (int i = 1; i <= products; i++) {
                int index = i;
                slots.acquire();
                puts.add(threads.submit(() -> {
                    try {
                        ShopHttp.Reply reply = http.send("PUT", "/products/" + PerfCatalog.sku(index),
                                PerfCatalog.product(index, PerfCatalog.basePrice(index)), true, null, null);
                        if (!reply.ok()) {
                            throw new IllegalStateException("seeding " + PerfCatalog.sku(index) + ": " + reply.problemDetail());
                        }
                        long n = done.incrementAndGet();
                        if (n % 1000 == 0) {
                            Suite.progress("catalog: %d of %d products written (%.0f/s)", n, products,
                                    n / ((System.nanoTime() - begin) / 1e9));
                        }
                        return null;
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        }
    }

    /** Reads every product once, so the measured runs see the cache in its steady state (everything touched). */
    static void warmCache(ShopHttp http, int products, int concurrency) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= products; i++) {
                String sku = PerfCatalog.sku(i);
                slots.acquire();
                threads.submit(() -> {
                    try {
                        return http.get("/products/" + sku, null);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }

    LoadResult open(double rate, Duration warmup, Duration measure) {
        reset(warmup);
        return LoadDriver.open(String.format(java.util.Locale.ROOT, "catalog %.0f/s", rate), rate, warmup, measure,
                Duration.ofSeconds(30), 7, this, this::extra);
    }

    LoadResult closed(int clients, Duration warmup, Duration measure) {
        reset(warmup);
        return LoadDriver.closed("catalog closed x" + clients, clients, warmup, measure, this, this::extra);
    }

    private void reset(Duration warmup) {
        operations.replaceAll((op, l) -> new Latencies());
        hits.reset();
        misses.reset();
        measureFrom = System.nanoTime() + warmup.toNanos();
    }

    private int nextSku() {
        synchronized (zipf) {
            return zipf.sample();
        }
    }

    @Override
    public Outcome run(long intendedStartNanos) throws IOException, InterruptedException {
        double draw = ThreadLocalRandom.current().nextDouble();
        String op;
        ShopHttp.Reply reply;
        if (draw < 0.79) {
            op = "getProduct";
            reply = http.get("/products/" + PerfCatalog.sku(nextSku()), null);
        } else if (draw < 0.89) {
            op = "listProducts";
            String category = PerfCatalog.CATEGORIES.get(ThreadLocalRandom.current().nextInt(PerfCatalog.CATEGORIES.size()));
            reply = http.get("/products?category=" + category + "&limit=20", null);
        } else if (draw < 0.99) {
            op = "searchProducts";
            String color = PerfCatalog.COLORS.get(ThreadLocalRandom.current().nextInt(PerfCatalog.COLORS.size()));
            String noun = PerfCatalog.NOUNS.get(ThreadLocalRandom.current().nextInt(PerfCatalog.NOUNS.size()));
            reply = http.get("/products?q=" + color + "%20" + noun + "&limit=20", null);
        } else {
            op = "upsertProduct";
            int index = nextSku();
            reply = http.send("PUT", "/products/" + PerfCatalog.sku(index),
                    PerfCatalog.product(index, PerfCatalog.basePrice(index) + priceBump.incrementAndGet() % 500 + 1),
                    true, null, null);
        }
        boolean measured = intendedStartNanos >= measureFrom;
        if (!reply.ok()) {
            if (measured) {
                operations.get(op).fail(reply.problem());
            }
            return Outcome.failure(op + " " + reply.problem());
        }
        if (measured) {
            operations.get(op).recordNanos(System.nanoTime() - intendedStartNanos);
            if (op.equals("getProduct")) {
                ("HIT".equals(reply.cache()) ? hits : misses).increment();
            }
        }
        return Outcome.SUCCESS;
    }

    double hitRate() {
        long all = hits.sum() + misses.sum();
        return all == 0 ? 0 : (double) hits.sum() / all;
    }

    private Map<String, Object> extra() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("products", products);
        extra.put("cacheHitRate", hitRate());
        extra.put("cacheHits", hits.sum());
        extra.put("cacheMisses", misses.sum());
        Map<String, Object> byOperation = new LinkedHashMap<>();
        operations.forEach((op, latencies) -> byOperation.put(op, latencies.summary()));
        extra.put("operations", byOperation);
        return extra;
    }
}
