package dev.shop.perf.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.shop.catalog.domain.ProductDraft;
import dev.shop.catalog.domain.ProductRepository;
import dev.shop.local.servers.LocalServers;
import dev.shop.perf.load.Latencies;
import dev.shop.perf.load.LoadDriver;
import dev.shop.perf.load.LoadResult;
import dev.shop.perf.load.Outcome;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import io.lettuce.core.RedisClient;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * getProduct with the Redis cache on and off ({@code shop.catalog.cache-enabled}), side by side in one run: two
 * catalogs on the same database, arrivals alternating between them at the same open-loop rate over the same
 * Zipf-distributed SKUs: once with Postgres and Redis on
 * loopback, once behind {@link DelayProxy}s that add a network's round trip to each. Measured at the function's own
 * HTTP face ({@code HttpApi}, what Lambda bills), in this JVM, on servers of its own.
 */
final class CacheComparison {

    record Setting(String name, long postgresDelayMicros, long redisDelayMicros) {
    }

    private CacheComparison() {
    }

    static Map<String, Object> run(LocalServers servers, int products, double rate, Duration warmup,
                                   Duration measure, List<Setting> settings) throws Exception {
        String jdbcUrl = servers.createDatabase("perf_cache_" + UUID.randomUUID().toString().substring(0, 8));
        String redisBase = servers.endpoints().redisUri().replaceAll("/+$", "");
        seed(servers, jdbcUrl, products);
        Map<String, Object> results = new LinkedHashMap<>();
        for (Setting setting : settings) {
            Map<String, Object> pair = new LinkedHashMap<>();
            String[] pg = hostAndPort(jdbcUrl);
            String[] redis = hostAndPort(redisBase);
            try (DelayProxy pgProxy = new DelayProxy(pg[0], Integer.parseInt(pg[1]), setting.postgresDelayMicros());
                 DelayProxy redisProxy = new DelayProxy(redis[0], Integer.parseInt(redis[1]),
                         setting.redisDelayMicros())) {
                String url = setting.postgresDelayMicros() == 0 ? jdbcUrl
                        : jdbcUrl.replace(pg[0] + ":" + pg[1], "127.0.0.1:" + pgProxy.port());
                String redisUri = setting.redisDelayMicros() == 0 ? redisBase
                        : "redis://127.0.0.1:" + redisProxy.port();
                Suite.progress("cache comparison: cache on and off, %s", setting.name());
                pair.putAll(measure(servers, url, redisUri, products, rate, warmup, measure, setting.name()));
            }
            LoadResult on = (LoadResult) pair.get("on");
            LoadResult off = (LoadResult) pair.get("off");
            pair.put("p50Ratio", off.latency().p50() / on.latency().p50());
            pair.put("p99Ratio", off.latency().p99() / on.latency().p99());
            pair.put("postgresRoundTripMs", setting.postgresDelayMicros() * 2 / 1000.0);
            pair.put("redisRoundTripMs", setting.redisDelayMicros() * 2 / 1000.0);
            results.put(setting.name(), pair);
        }
        return results;
    }

    private static void seed(LocalServers servers, String jdbcUrl, int products) throws Exception {
        try (ConfigurableApplicationContext catalog = ModuleHost.start("catalog", servers.endpoints(), jdbcUrl,
                Map.of())) {
            ProductRepository repository = catalog.getBean(ProductRepository.class);
            try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
                List<Future<?>> writes = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t;
                    writes.add(threads.submit(() -> {
                        for (int i = 1 + offset; i <= products; i += 4) {
                            Map<String, Object> p = PerfCatalog.product(i, PerfCatalog.basePrice(i));
                            @SuppressWarnings("unchecked")
                            List<String> tags = (List<String>) p.get("tags");
                            repository.upsert(PerfCatalog.sku(i), new ProductDraft(null, (String) p.get("name"),
                                    (String) p.get("description"), (String) p.get("brand"), (String) p.get("category"),
                                    (String) p.get("color"), null, (Long) p.get("priceCents"), "USD", tags), "perf");
                        }
                        return null;
                    }));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
            }
        }
        Suite.progress("cache comparison: %d products in its own database", products);
    }

    /**
     * Both catalogs at once, cache on and cache off, in one open-loop run: arrivals alternate between them, so
     * JIT, GC and the rest of the machine fall on both alike; each gets {@code rate} per second.
     */
    private static Map<String, Object> measure(LocalServers servers, String jdbcUrl, String redisUri, int products,
                                               double rate, Duration warmup, Duration measure, String setting)
            throws Exception {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("shop.redis.uri", redisUri);
        overrides.put("shop.catalog.cache-enabled", "true");
        try (ConfigurableApplicationContext on = ModuleHost.start("catalog", servers.endpoints(), jdbcUrl, overrides);
             ConfigurableApplicationContext off = ModuleHost.start("catalog", servers.endpoints(), jdbcUrl,
                     Map.of("shop.redis.uri", redisUri, "shop.catalog.cache-enabled", "false"))) {
            HttpApi[] apis = {on.getBean(HttpApi.class), off.getBean(HttpApi.class)};
            try (var redis = on.getBean(RedisClient.class).connect()) {
                redis.sync().flushdb();
            }
            // every product once through the cached catalog, so the measured run sees the cache's steady state
            try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
                for (int i = 1; i <= products; i++) {
                    String sku = PerfCatalog.sku(i);
                    threads.submit(() -> apis[0].handle(get(sku)));
                }
            }
            ZipfDistribution zipf = new ZipfDistribution(new Well19937c(11), products, 1.0);
            Latencies[] latencies = {new Latencies(), new Latencies()};
            LongAdder hits = new LongAdder();
            AtomicLong turn = new AtomicLong();
            long measureFrom = System.nanoTime() + warmup.toNanos();
            LoadResult both = LoadDriver.open("cache on and off, " + setting, rate * 2, warmup, measure,
                    Duration.ofSeconds(30), 3, intended -> {
                        int variant = (int) (turn.getAndIncrement() % 2);
                        int index;
                        synchronized (zipf) {
                            index = zipf.sample();
                        }
                        HttpResponse response = apis[variant].handle(get(PerfCatalog.sku(index)));
                        long nanos = System.nanoTime() - intended;
                        if (response.status() != 200) {
                            return Outcome.failure("getProduct " + response.status());
                        }
                        if (intended >= measureFrom) {
                            latencies[variant].recordNanos(nanos);
                            if (variant == 0 && "HIT".equals(response.headers().get("x-cache"))) {
                                hits.increment();
                            }
                        }
                        return Outcome.SUCCESS;
                    }, Map::of);
            Map<String, Object> pair = new LinkedHashMap<>();
            String[] names = {"on", "off"};
            for (int v = 0; v < 2; v++) {
                Latencies.Summary summary = latencies[v].summary();
                Map<String, Object> extra = new LinkedHashMap<>();
                if (v == 0) {
                    extra.put("cacheHitRate", summary.count() == 0 ? 0.0 : (double) hits.sum() / summary.count());
                }
                pair.put(names[v], new LoadResult("cache " + names[v] + ", " + setting, "open", rate, 0,
                        both.warmupSeconds(), both.measureSeconds(), summary.count() + summary.failed(),
                        both.unfinished(), summary.count() / both.measureSeconds(), summary, extra));
            }
            return pair;
        }
    }

    private static HttpRequest get(String sku) {
        return new HttpRequest("GET", "/products/" + sku, null, null, null, null, UUID.randomUUID().toString());
    }

    /** {@code jdbc:postgresql://127.0.0.1:5432/db} or {@code redis://127.0.0.1:6379}: host and port. */
    static String[] hostAndPort(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int end = rest.length();
        for (char c : new char[] {'/', '?'}) {
            int at = rest.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        return new String[] {authority.substring(0, colon), authority.substring(colon + 1)};
    }

    static String describe(Setting setting) {
        return String.format(Locale.ROOT, "Postgres round trip +%.1f ms, Redis +%.1f ms",
                setting.postgresDelayMicros() * 2 / 1000.0, setting.redisDelayMicros() * 2 / 1000.0);
    }
}
