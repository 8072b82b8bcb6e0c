package dev.shop.perf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.shop.catalog.CatalogApplication;
import dev.shop.catalog.domain.ProductCache;
import dev.shop.catalog.domain.Products;
import dev.shop.catalog.domain.ProductDraft;
import dev.shop.catalog.domain.ProductRepository;
import dev.shop.local.servers.FunctionProperties;
import dev.shop.local.servers.LocalServers;
import dev.shop.local.servers.ServerSettings;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.HdrHistogram.Histogram;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * getProduct read paths side by side in one run, on real Postgres and Redis: a cache hit, a cache miss
 * (database read plus cache fill) and the database read alone. Reported as latency percentiles and as
 * ratios to the cache hit, so the numbers compare within one machine and one run.
 */
@Command(name = "catalog-read", mixinStandardHelpOptions = true,
        description = "Measures getProduct: cache hit vs cache miss vs database only.")
public class CatalogReadBenchmark implements Callable<Integer> {

    @Option(names = "--products", defaultValue = "200", description = "Products in the catalog (default ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--iterations", defaultValue = "4000", description = "Measured calls per path (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "2000", description = "Unmeasured calls per path first (default ${DEFAULT-VALUE}).")
    int warmup;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CatalogReadBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        if (products < 1 || iterations < 1 || warmup < 0) {
            System.err.println("--products and --iterations must be at least 1, --warmup at least 0");
            return 2;
        }
        try (LocalServers servers = LocalServers.start(ServerSettings.fromEnvironment())) {
            String jdbcUrl = servers.createDatabase("perf_" + UUID.randomUUID().toString().substring(0, 8));
            Map<String, Object> properties = new LinkedHashMap<>(
                    FunctionProperties.of(servers.endpoints(), jdbcUrl, "perf-token"));
            properties.put("logging.level.root", "WARN");
            properties.put("spring.main.banner-mode", "off");
            try (ConfigurableApplicationContext catalog = new SpringApplicationBuilder(CatalogApplication.class)
                    .web(WebApplicationType.NONE).properties(properties).run()) {
                return run(catalog);
            }
        }
    }

    private int run(ConfigurableApplicationContext catalog) {
        HttpApi api = catalog.getBean(HttpApi.class);
        ProductRepository repository = catalog.getBean(ProductRepository.class);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            String sku = "PERF-" + i;
            repository.upsert(sku, new ProductDraft(null, "Product " + i, "Benchmark product", "Brand", "bench",
                    "red", null, 1000L + i, "USD", List.of("bench")), "perf");
            skus.add(sku);
        }
        progress("seeded %d products", products);

        try (StatefulRedisConnection<String, String> redis = catalog.getBean(RedisClient.class).connect()) {
            skus.forEach(sku -> api.handle(get(sku))); // fill the cache
            Products rules = catalog.getBean(Products.class);
            ProductCache cache = catalog.getBean(ProductCache.class);
            List<Path> paths = List.of(
                    new Path("cache hit (getProduct)", sku -> { }, sku -> expect(api.handle(get(sku)), "HIT")),
                    new Path("cache miss (getProduct)", sku -> redis.sync().del(ProductCache.key(sku)),
                            sku -> expect(api.handle(get(sku)), "MISS")),
                    // The same reads below the HTTP face, to show where the time goes.
                    new Path("lookup, cache hit (no HTTP)", sku -> { }, sku -> rules.lookup(sku)),
                    new Path("redis read alone", sku -> { }, sku -> cache.get(sku).orElseThrow()),
                    new Path("postgres read alone", sku -> { }, sku -> repository.find(sku).orElseThrow()));
            Map<String, Histogram> results = measure(paths, skus);
            report(results);
        }
        return 0;
    }

    /**
     * Warms every path, then measures them round-robin, call by call, so JIT warm-up and noise from the
     * rest of the machine fall on all paths alike. {@code before} runs untimed ahead of each timed call.
     */
    private Map<String, Histogram> measure(List<Path> paths, List<String> skus) {
        for (Path path : paths) {
            for (int i = 0; i < warmup; i++) {
                String sku = skus.get(i % skus.size());
                path.before().run(sku);
                path.step().run(sku);
            }
        }
        progress("warmed up %d paths", paths.size());
        Map<String, Histogram> results = new LinkedHashMap<>();
        paths.forEach(p -> results.put(p.name(), new Histogram(TimeUnit.SECONDS.toNanos(10), 3)));
        for (int i = 0; i < iterations; i++) {
            String sku = skus.get(i % skus.size());
            for (Path path : paths) {
                path.before().run(sku);
                long start = System.nanoTime();
                path.step().run(sku);
                results.get(path.name()).recordValue(System.nanoTime() - start);
            }
        }
        progress("measured %d calls per path", iterations);
        return results;
    }

    private record Path(String name, Step before, Step step) {
    }

    private static HttpRequest get(String sku) {
        return new HttpRequest("GET", "/products/" + sku, null, null, null, null, UUID.randomUUID().toString());
    }

    private static void expect(HttpResponse response, String cache) {
        if (response.status() != 200 || (cache != null && !cache.equals(response.headers().get("x-cache")))) {
            throw new IllegalStateException("unexpected response " + response.status() + " " + response.headers());
        }
    }

    private static void report(Map<String, Histogram> results) {
        Histogram baseline = results.values().iterator().next();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %10s %10s %12s%n", "path", "p50 µs", "p90 µs", "p99 µs",
                "mean µs", "p50 vs hit");
        for (Map.Entry<String, Histogram> entry : results.entrySet()) {
            Histogram h = entry.getValue();
            System.out.printf(Locale.ROOT, "%-30s %10.1f %10.1f %10.1f %10.1f %11.2fx%n", entry.getKey(),
                    micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                    micros(h.getValueAtPercentile(99)), h.getMean() / 1000.0,
                    (double) h.getValueAtPercentile(50) / baseline.getValueAtPercentile(50));
        }
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[perf] " + format + "%n", args);
    }

    @FunctionalInterface
    private interface Step {
        void run(String sku);
    }
}
